package dev.catena.prompts.selectors;

import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.vector.Distance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Examples with their embeddings, computed once; shared by the similarity and MMR selectors. */
final class EmbeddedExamples {

    // Copy-on-write, appended example first and vector second, so a reader that sees a vector sees its example.
    private final List<Map<String, Object>> examples;
    private final List<float[]> vectors;
    private final EmbeddingModel model;
    private final List<String> inputKeys;

    EmbeddedExamples(List<? extends Map<String, ?>> examples, EmbeddingModel model, List<String> inputKeys) {
        this.model = model;
        this.inputKeys = inputKeys == null ? null : List.copyOf(inputKeys);
        List<Map<String, Object>> copy = new ArrayList<>();
        examples.forEach(e -> copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(e))));
        this.examples = new CopyOnWriteArrayList<>(copy);
        List<String> texts = copy.stream().map(this::text).collect(Collectors.toList());
        List<Embedding> embedded = texts.isEmpty() ? List.of() : model.embedAll(texts);
        if (embedded.size() != texts.size()) {
            throw new IllegalStateException("embedding model returned " + embedded.size() + " vectors for " + texts.size() + " examples");
        }
        this.vectors = new CopyOnWriteArrayList<>(embedded.stream().map(Embedding::vector).collect(Collectors.toList()));
    }

    /** Embeds one more example and makes it selectable. */
    synchronized void add(Map<String, ?> example) {
        Map<String, Object> copy = Collections.unmodifiableMap(new LinkedHashMap<>(example));
        float[] vector = model.embed(text(copy)).vector();
        examples.add(copy);
        vectors.add(vector);
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
        List<float[]> current = List.copyOf(vectors);
        double[] scores = new double[current.size()];
        for (int i = 0; i < current.size(); i++) {
            scores[i] = Distance.cosine(query, current.get(i));
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
