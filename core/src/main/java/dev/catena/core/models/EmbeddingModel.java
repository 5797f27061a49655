package dev.catena.core.models;

import dev.catena.core.components.Component;
import java.util.List;

/**
 * Turns texts into vectors, in input order. Implement {@code call(List<String>, RunConfig)}.
 */
public interface EmbeddingModel extends Component<List<String>, List<Embedding>> {

    /**
     * Embeds one text.
     *
     * @param text the text
     * @return its vector
     */
    default Embedding embed(String text) {
        return invoke(List.of(text)).get(0);
    }

    /**
     * Embeds many texts; the result is in input order.
     *
     * @param texts the texts
     * @return one vector per text, in input order
     */
    default List<Embedding> embedAll(List<String> texts) {
        return invoke(texts);
    }

    @Override
    default String kind() {
        return "embedding_model";
    }
}
