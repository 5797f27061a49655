package dev.catena.prompts.selectors;

import dev.catena.core.models.EmbeddingModel;
import dev.catena.prompts.ExampleSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shows the {@code k} examples most similar to the input, as LangChain's
 * {@code SemanticSimilarityExampleSelector}: each example's values (or only its input keys) are
 * joined in key order and embedded once when the selector is built; the input is embedded the
 * same way and compared by cosine similarity. Most similar first.
 */
public final class SemanticSimilarityExampleSelector implements ExampleSelector {

    /** LangChain's default number of examples. */
    public static final int DEFAULT_K = 4;

    private final EmbeddedExamples index;
    private final int k;

    /**
     * Compares whole examples with the input.
     *
     * @param examples the examples to pick from
     * @param model embeds the examples and the input
     * @param k how many to pick
     */
    public SemanticSimilarityExampleSelector(List<? extends Map<String, ?>> examples, EmbeddingModel model, int k) {
        this(examples, model, k, null);
    }

    /**
     * @param examples the examples to pick from
     * @param model embeds the examples and the input
     * @param k how many to pick
     * @param inputKeys which keys to embed (for example only the question, not the answer); null for all
     */
    public SemanticSimilarityExampleSelector(List<? extends Map<String, ?>> examples, EmbeddingModel model, int k,
                                             List<String> inputKeys) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        this.k = k;
        this.index = new EmbeddedExamples(examples, model, inputKeys);
    }

    /** Embeds one more example and makes it selectable, as LangChain's {@code add_example}. */
    @Override
    public void addExample(Map<String, ?> example) {
        index.add(example);
    }

    @Override
    public List<Map<String, Object>> select(Map<String, ?> inputVariables) {
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (int i : index.nearest(index.embedQuery(inputVariables), k)) {
            chosen.add(index.example(i));
        }
        return chosen;
    }
}
