package dev.catena.prompts.selectors;

import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.vector.Distance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Examples with their embeddings, computed once; shared by the similarity and MMR selectors. */
final class EmbeddedExamples {

    private final List<Map<String, Object>> examples;
    private final List<float[]> vectors;
    private final EmbeddingModel model;
    private final List<String> inputKeys;

    EmbeddedExamples(List<? extends Map<String, ?>> examples, EmbeddingModel model, List<String> inputKeys) {
        this.model = model;
        this.inputKeys = inputKeys == null ? null : List.copyOf(inputKeys);
        List<Map<String, Object>> copy = new ArrayList<>();
        examples.forEach(e -> copy.add(Map.copyOf(e)));
        this.examples = List.copyOf(copy);
        List<String> texts = copy.stream().map(this::text).collect(Collectors.toList());
        List<Embedding> embedded = texts.isEmpty() ? List.of() : model.embedAll(texts);
        if (embedded.size() != texts.size()) {
            throw new IllegalStateException("embedding model returned " + embedded.size() + " vectors for " + texts.size() + " examples");
        }
        this.vectors = embedded.stream().map(Embedding::vector).collect(Collectors.toList());
    }

    /** As LangChain: the values joined by spaces in key order, only the input keys if they were given. */
    String text(Map<String, ?> values) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        values.forEach((k, v) -> {
            if (inputKeys == null || inputKeys.contains(k)) {
                sorted.put(k, v);
            }
        });
        return sorted.values().stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    float[] embedQuery(Map<String, ?> input) {
        return model.embed(text(input)).vector();
    }

    /** Indexes of the {@code n} examples most similar (cosine) to the query, best first. */
    List<Integer> nearest(float[] query, int n) {
        List<Integer> order = new ArrayList<>();
        double[] scores = new double[vectors.size()];
        for (int i = 0; i < vectors.size(); i++) {
            scores[i] = Distance.cosine(query, vectors.get(i));
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scores[i]));
        return order.subList(0, Math.min(n, order.size()));
    }

    Map<String, Object> example(int index) {
        return examples.get(index);
    }

    float[] vector(int index) {
        return vectors.get(index);
    }
}
