package dev.catena.benchmarks.vectors;

import dev.catena.core.components.RunConfig;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedding model that answers the benchmark's query texts {@code "q0"}, {@code "q1"}, ... with
 * precomputed vectors, so a search through the store's text API measures the search and not a
 * model. It refuses any other text.
 */
final class QueryTable implements EmbeddingModel {

    private final float[][] vectors;

    QueryTable(float[][] vectors) {
        this.vectors = vectors;
    }

    static String text(int i) {
        return "q" + i;
    }

    @Override
    public List<Embedding> call(List<String> texts, RunConfig config) {
        List<Embedding> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (!text.startsWith("q")) {
                throw new IllegalArgumentException("not a benchmark query: " + text);
            }
            out.add(new Embedding(vectors[Integer.parseInt(text.substring(1))]));
        }
        return out;
    }
}
