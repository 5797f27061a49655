package dev.catena.core.documents;

import dev.catena.core.components.Component;
import java.util.List;

/** Finds the documents relevant to a query. Implement {@code call(String, RunConfig)}. */
public interface Retriever extends Component<String, List<Document>> {

    /**
     * {@return the documents for a query, most relevant first; traced}
     *
     * @param query what to look for
     */
    default List<Document> retrieve(String query) {
        return invoke(query);
    }

    @Override
    default String kind() {
        return "retriever";
    }
}
