package dev.catena.retrieval.retrievers;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keyword search in memory with Okapi BM25, the same scoring as LangChain's {@code BM25Retriever}
 * (the {@code rank_bm25} package's {@code BM25Okapi}): {@code k1 = 1.5}, {@code b = 0.75}, idf
 * {@code ln((N - n + 0.5) / (n + 0.5))}, and terms in more than half the documents (negative
 * idf) get {@code epsilon × mean idf} with {@code epsilon = 0.25}. A query term that occurs twice
 * counts twice. As in LangChain, the top {@code k} are returned even if some score zero; ties
 * keep corpus order.
 *
 * <pre>{@code
 * BM25Retriever bm25 = BM25Retriever.builder(documents).k(4).build();
 * bm25.retrieve("hybrid search");
 * }</pre>
 *
 * <p>The index is built once, at construction; build a new retriever to add documents.
 */
public final class BM25Retriever implements Retriever {

    private final List<Document> documents;
    private final Function<String, List<String>> tokenizer;
    private final int k;
    private final double k1;
    private final double b;
    private final List<Map<String, Integer>> termFrequencies;
    private final int[] lengths;
    private final double averageLength;
    private final Map<String, Double> idf = new HashMap<>();

    private BM25Retriever(Builder builder) {
        this.documents = List.copyOf(builder.documents);
        this.tokenizer = builder.tokenizer;
        this.k = builder.k;
        this.k1 = builder.k1;
        this.b = builder.b;
        this.termFrequencies = new ArrayList<>(documents.size());
        this.lengths = new int[documents.size()];
        Map<String, Integer> documentFrequency = new HashMap<>();
        long total = 0;
        for (int i = 0; i < documents.size(); i++) {
            List<String> tokens = tokenizer.apply(documents.get(i).text());
            Map<String, Integer> tf = new HashMap<>();
            tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            termFrequencies.add(tf);
            lengths[i] = tokens.size();
            total += tokens.size();
        }
        this.averageLength = documents.isEmpty() ? 0 : (double) total / documents.size();
        computeIdf(documentFrequency, builder.epsilon);
    }

    /**
     * {@return a retriever over {@code documents} with LangChain's defaults (k 4)}
     *
     * @param documents the corpus
     */
    public static BM25Retriever of(List<Document> documents) {
        return builder(documents).build();
    }

    /**
     * {@return settings for a retriever over these documents}
     *
     * @param documents the corpus
     */
    public static Builder builder(List<Document> documents) {
        return new Builder(documents);
    }

    private void computeIdf(Map<String, Integer> documentFrequency, double epsilon) {
        int n = documents.size();
        double sum = 0;
        List<String> negative = new ArrayList<>();
        for (Map.Entry<String, Integer> e : documentFrequency.entrySet()) {
            double value = Math.log(n - e.getValue() + 0.5) - Math.log(e.getValue() + 0.5);
            idf.put(e.getKey(), value);
            sum += value;
            if (value < 0) {
                negative.add(e.getKey());
            }
        }
        // Very common terms would otherwise lower a document's score; rank_bm25 floors them instead.
        double floor = idf.isEmpty() ? 0 : epsilon * sum / idf.size();
        negative.forEach(t -> idf.put(t, floor));
    }

    /**
     * {@return each document's BM25 score for the query, in corpus order}
     *
     * @param query the query
     */
    public double[] scores(String query) {
        double[] scores = new double[documents.size()];
        for (String term : tokenizer.apply(query)) {
            Double termIdf = idf.get(term);
            if (termIdf == null) {
                continue;
            }
            for (int i = 0; i < scores.length; i++) {
                Integer tf = termFrequencies.get(i).get(term);
                if (tf != null) {
                    double norm = k1 * (1 - b + b * lengths[i] / averageLength);
                    scores[i] += termIdf * tf * (k1 + 1) / (tf + norm);
                }
            }
        }
        return scores;
    }

    @Override
    public List<Document> call(String query, RunConfig config) {
        double[] scores = scores(query);
        List<Integer> order = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort((x, y) -> Double.compare(scores[y], scores[x])); // stable: ties keep corpus order
        return order.stream().limit(k).map(documents::get).toList();
    }

    @Override
    public String name() {
        return "BM25Retriever";
    }

    /** Settings for a {@link BM25Retriever}. */
    public static final class Builder {
        private final List<Document> documents;
        private Function<String, List<String>> tokenizer = new Bm25Tokenizer();
        private int k = 4;
        private double k1 = 1.5;
        private double b = 0.75;
        private double epsilon = 0.25;

        private Builder(List<Document> documents) {
            this.documents = Objects.requireNonNull(documents, "documents");
        }

        /**
         * How many documents to return (default 4).
         *
         * @param value the number of documents
         * @return this builder
         */
        public Builder k(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("k must be at least 1, was " + value);
            }
            this.k = value;
            return this;
        }

        /**
         * Term-frequency saturation (default 1.5).
         *
         * @param value BM25's k1
         * @return this builder
         */
        public Builder k1(double value) {
            this.k1 = value;
            return this;
        }

        /**
         * Length normalisation, 0 to 1 (default 0.75).
         *
         * @param value BM25's b
         * @return this builder
         */
        public Builder b(double value) {
            this.b = value;
            return this;
        }

        /**
         * Floor for very common terms, as a fraction of the mean idf (default 0.25).
         *
         * @param value the fraction
         * @return this builder
         */
        public Builder epsilon(double value) {
            this.epsilon = value;
            return this;
        }

        /**
         * How text is cut into terms (default {@link Bm25Tokenizer}); LangChain's default is {@code
         * text.split()}.
         *
         * @param value the tokenizer
         * @return this builder
         */
        public Builder tokenizer(Function<String, List<String>> value) {
            this.tokenizer = Objects.requireNonNull(value, "tokenizer");
            return this;
        }

        /** {@return the retriever, its index built} */
        public BM25Retriever build() {
            return new BM25Retriever(this);
        }
    }
}
