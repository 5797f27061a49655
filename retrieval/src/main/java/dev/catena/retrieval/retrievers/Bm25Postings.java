package dev.catena.retrieval.retrievers;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The inverted index behind {@link BM25Retriever}: for each term, the documents that contain it
 * with the term's frequency in each (in corpus order), each document's length in terms, and each
 * term's idf, computed once. A query touches only the postings of its own terms.
 *
 * <p>Built in two passes so that no postings list ever grows: the first tokenises each document
 * once into term ids, the second counts each term's documents, lays all postings out back to back
 * in two arrays of exactly the right size and fills them in corpus order.
 */
final class Bm25Postings {

    /** One term's documents {@code documents[from, to)}, in corpus order, with their frequencies, and its idf. */
    record Postings(int[] documents, int[] frequencies, int from, int to, double idf) {
    }

    private final Bm25Terms terms;
    private final int[] starts;
    private final int[] documents;
    private final int[] frequencies;
    private final double[] idf;
    private final int[] lengths;
    private final double averageLength;

    private Bm25Postings(Bm25Terms terms, int[] starts, int[] documents, int[] frequencies, double[] idf,
            int[] lengths, double averageLength) {
        this.terms = terms;
        this.starts = starts;
        this.documents = documents;
        this.frequencies = frequencies;
        this.idf = idf;
        this.lengths = lengths;
        this.averageLength = averageLength;
    }

    /** Below this many documents per processor the default tokenizer runs on the calling thread only. */
    static final int DOCUMENTS_PER_PART = 8192;

    /**
     * Indexes {@code texts} with {@code tokenizer}; idf as rank_bm25's BM25Okapi, with its epsilon
     * floor. The default tokenizer tokenises a large corpus on the common fork-join pool, a part
     * per processor; another tokenizer is called from this thread only, as it may not be thread-safe.
     */
    static Bm25Postings build(List<String> texts, Function<String, List<String>> tokenizer, double epsilon) {
        if (tokenizer instanceof Bm25Tokenizer bm25Tokenizer) {
            int processors = Runtime.getRuntime().availableProcessors();
            return build(texts, bm25Tokenizer, epsilon, Math.min(processors, texts.size() / DOCUMENTS_PER_PART));
        }
        return invert(Bm25TokenStream.of(texts, tokenizer), epsilon);
    }

    /** Indexes {@code texts} tokenised in {@code parts} parts (in parallel if more than one); the index is the same for any number. */
    static Bm25Postings build(List<String> texts, Bm25Tokenizer tokenizer, double epsilon, int parts) {
        return invert(Bm25TokenStream.of(texts, tokenizer, parts), epsilon);
    }

    /** The second pass: postings laid out by term, exactly sized, from the documents' term ids. */
    private static Bm25Postings invert(Bm25TokenStream stream, double epsilon) {
        int n = stream.documentCount();
        int termCount = stream.terms().size();
        int[] ids = stream.ids();
        int[] ends = stream.ends();
        // each term's document frequency: the number of documents it is last seen in
        int[] df = new int[termCount];
        int[] last = new int[termCount];
        Arrays.fill(last, -1);
        for (int d = 0, i = 0; d < n; d++) {
            for (int end = ends[d]; i < end; i++) {
                int t = ids[i];
                if (last[t] != d) {
                    last[t] = d;
                    df[t]++;
                }
            }
        }
        int[] starts = new int[termCount + 1];
        for (int t = 0; t < termCount; t++) {
            starts[t + 1] = starts[t] + df[t];
        }
        int[] next = Arrays.copyOf(starts, termCount);
        int[] documents = new int[starts[termCount]];
        int[] frequencies = new int[starts[termCount]];
        Arrays.fill(last, -1);
        for (int d = 0, i = 0; d < n; d++) {
            for (int end = ends[d]; i < end; i++) {
                int t = ids[i];
                if (last[t] != d) {
                    last[t] = d;
                    int p = next[t]++;
                    documents[p] = d;
                    frequencies[p] = 1;
                } else {
                    frequencies[next[t] - 1]++;
                }
            }
        }
        int[] lengths = new int[n];
        for (int d = 0; d < n; d++) {
            lengths[d] = ends[d] - (d == 0 ? 0 : ends[d - 1]);
        }
        double averageLength = n == 0 ? 0 : (double) ends[n - 1] / n;
        // summed in term-id order, which is the order of first occurrence in the corpus
        double[] idf = new double[termCount];
        double sum = 0;
        for (int t = 0; t < termCount; t++) {
            idf[t] = Math.log(n - df[t] + 0.5) - Math.log(df[t] + 0.5);
            sum += idf[t];
        }
        // Very common terms would otherwise lower a document's score; rank_bm25 floors them instead.
        double floor = termCount == 0 ? 0 : epsilon * sum / termCount;
        for (int t = 0; t < termCount; t++) {
            if (idf[t] < 0) {
                idf[t] = floor;
            }
        }
        return new Bm25Postings(stream.terms(), starts, documents, frequencies, idf, lengths, averageLength);
    }

    int documentCount() {
        return lengths.length;
    }

    /** How many distinct terms the documents have. */
    int termCount() {
        return idf.length;
    }

    /** The postings of {@code term}, or null if no document has it. */
    Postings postings(String term) {
        int t = terms.find(term);
        return t < 0 ? null : new Postings(documents, frequencies, starts[t], starts[t + 1], idf[t]);
    }

    /** BM25's length normalisation {@code k1 (1 - b + b |d| / avgdl)} for one document. */
    double norm(int document, double k1, double b) {
        return k1 * (1 - b + b * lengths[document] / averageLength);
    }
}
