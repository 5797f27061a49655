package dev.catena.retrieval.retrievers;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p>The index is built once, at construction: an inverted index (for each term, the documents
 * that contain it and how often), so a query costs in proportion to the postings of its terms,
 * not to the size of the corpus. Build a new retriever to add documents. With the default
 * tokenizer, a large corpus (8,192 documents or more per core) is tokenised in parts on the common
 * fork-join pool; the index is the same as from one thread. A custom tokenizer is called from the
 * constructing thread only, so it need not be thread-safe.
 */
public final class BM25Retriever implements Retriever {

    private final List<Document> documents;
    private final Function<String, List<String>> tokenizer;
    private final int k;
    private final double k1;
    private final double b;
    private final Bm25Postings index;
    private final double[] norms;

    private BM25Retriever(Builder builder) {
        this.documents = List.copyOf(builder.documents);
        this.tokenizer = builder.tokenizer;
        this.k = builder.k;
        this.k1 = builder.k1;
        this.b = builder.b;
        this.index = Bm25Postings.build(documents.stream().map(Document::text).toList(), tokenizer, builder.epsilon);
        this.norms = new double[documents.size()];
        for (int d = 0; d < norms.length; d++) {
            norms[d] = index.norm(d, k1, b);
        }
    }

    /**
     * A retriever over {@code documents} with LangChain's defaults (k 4).
     *
     * @param documents the documents to search
     * @return the retriever
     */
    public static BM25Retriever of(List<Document> documents) {
        return builder(documents).build();
    }

    /**
     * Settings for a retriever over {@code documents}.
     *
     * @param documents the documents to search
     * @return a new builder
     */
    public static Builder builder(List<Document> documents) {
        return new Builder(documents);
    }

    /**
     * Each document's BM25 score for the query, in corpus order.
     *
     * @param query the query text
     * @return one score per document, in the order given
     */
    public double[] scores(String query) {
        double[] scores = new double[documents.size()];
        for (String term : tokenizer.apply(query)) {
            Bm25Postings.Postings p = index.postings(term);
            if (p != null) {
                addScores(p, scores, null);
            }
        }
        return scores;
    }

    /**
     * Adds one query term's contribution to the documents in its postings; the same expression,
     * in the same order per document, as scoring every document, so scores are bit for bit those
     * of a full scan. Records documents touched for the first time in {@code touched}.
     */
    private void addScores(Bm25Postings.Postings p, double[] scores, Touched touched) {
        int[] postingDocuments = p.documents();
        int[] postingFrequencies = p.frequencies();
        double idf = p.idf();
        for (int j = p.from(); j < p.to(); j++) {
            int d = postingDocuments[j];
            int tf = postingFrequencies[j];
            if (touched != null) {
                touched.add(d);
            }
            scores[d] += idf * tf * (k1 + 1) / (tf + norms[d]);
        }
    }

    @Override
    public List<Document> call(String query, RunConfig config) {
        double[] scores = new double[documents.size()];
        Touched touched = new Touched(documents.size());
        for (String term : tokenizer.apply(query)) {
            Bm25Postings.Postings p = index.postings(term);
            if (p != null) {
                addScores(p, scores, touched);
            }
        }
        return topK(scores, touched);
    }

    /**
     * The first {@code k} documents of a stable sort by descending score, without sorting the
     * corpus: documents no query term reaches score exactly 0, so they follow the positive scores
     * in corpus order (before any negative ones), as in the full sort.
     */
    private List<Document> topK(double[] scores, Touched touched) {
        // the best positive scores in a bounded min-heap: the root is the worst of those kept
        int[] heap = new int[Math.min(k, Math.max(1, touched.size))];
        int kept = 0;
        boolean anyNegative = false;
        for (int i = 0; i < touched.size; i++) {
            int d = touched.documents[i];
            double score = scores[d];
            if (score > 0) {
                if (kept < heap.length) {
                    heap[kept] = d;
                    siftUp(heap, kept++, scores);
                } else if (before(d, heap[0], scores)) {
                    heap[0] = d;
                    siftDown(heap, kept, scores);
                }
            } else if (score < 0) {
                anyNegative = true;
            }
        }
        int[] best = new int[kept];
        for (int i = kept - 1; i >= 0; i--) {
            best[i] = heap[0];
            heap[0] = heap[i];
            siftDown(heap, i, scores);
        }
        List<Document> out = new ArrayList<>(Math.min(k, documents.size()));
        for (int d : best) {
            out.add(documents.get(d));
        }
        for (int d = 0; d < scores.length && out.size() < k; d++) {
            if (scores[d] == 0) {
                out.add(documents.get(d));
            }
        }
        if (anyNegative && out.size() < k) {
            List<Integer> negative = new ArrayList<>();
            for (int i = 0; i < touched.size; i++) {
                if (scores[touched.documents[i]] < 0) {
                    negative.add(touched.documents[i]);
                }
            }
            negative.sort((x, y) -> before(x, y, scores) ? -1 : 1);
            for (int i = 0; i < negative.size() && out.size() < k; i++) {
                out.add(documents.get(negative.get(i)));
            }
        }
        return out;
    }

    /** Whether document {@code x} ranks before {@code y}: higher score, then earlier in the corpus. */
    private static boolean before(int x, int y, double[] scores) {
        int c = Double.compare(scores[x], scores[y]);
        return c != 0 ? c > 0 : x < y;
    }

    private static void siftUp(int[] heap, int i, double[] scores) {
        int d = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(heap[parent], d, scores)) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = d;
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        int i = 0;
        int d = heap[0];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child], heap[child + 1], scores)) {
                child++;
            }
            if (!before(d, heap[child], scores)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = d;
    }

    /** The documents a query reached, each once, in the order first reached. */
    private static final class Touched {
        private final boolean[] seen;
        private int[] documents = new int[16];
        private int size;

        Touched(int corpusSize) {
            this.seen = new boolean[corpusSize];
        }

        void add(int d) {
            if (!seen[d]) {
                seen[d] = true;
                if (size == documents.length) {
                    documents = Arrays.copyOf(documents, size * 2);
                }
                documents[size++] = d;
            }
        }
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
         * @param value the number of documents, at least 1
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
         * @param value the k1 parameter
         * @return this builder
         */
        public Builder k1(double value) {
            this.k1 = value;
            return this;
        }

        /**
         * Length normalisation, 0 to 1 (default 0.75).
         *
         * @param value the b parameter
         * @return this builder
         */
        public Builder b(double value) {
            this.b = value;
            return this;
        }

        /**
         * Floor for very common terms, as a fraction of the mean idf (default 0.25).
         *
         * @param value the fraction of the mean idf
         * @return this builder
         */
        public Builder epsilon(double value) {
            this.epsilon = value;
            return this;
        }

        /**
         * How text is cut into terms (default {@link Bm25Tokenizer}); LangChain's default is {@code text.split()}.
         *
         * @param value the tokenizer
         * @return this builder
         */
        public Builder tokenizer(Function<String, List<String>> value) {
            this.tokenizer = Objects.requireNonNull(value, "tokenizer");
            return this;
        }

        /**
         * Tokenizes and indexes the documents.
         *
         * @return the retriever
         */
        public BM25Retriever build() {
            return new BM25Retriever(this);
        }
    }
}
