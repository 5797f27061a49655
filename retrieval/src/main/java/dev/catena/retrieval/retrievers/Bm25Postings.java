package dev.catena.retrieval.retrievers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The inverted index behind {@link BM25Retriever}: for each term, the documents that contain it
 * with the term's frequency in each (in corpus order), each document's length in terms, and each
 * term's idf, computed once. A query touches only the postings of its own terms.
 */
final class Bm25Postings {

    /** One term's documents and frequencies, grown while indexing and trimmed after. */
    static final class Postings {
        int[] documents = new int[2];
        int[] frequencies = new int[2];
        int size;
        double idf;

        void add(int document) {
            if (size > 0 && documents[size - 1] == document) {
                frequencies[size - 1]++; // tokens arrive document by document
                return;
            }
            if (size == documents.length) {
                documents = Arrays.copyOf(documents, size * 2);
                frequencies = Arrays.copyOf(frequencies, size * 2);
            }
            documents[size] = document;
            frequencies[size] = 1;
            size++;
        }
    }

    private final Map<String, Postings> terms;
    private final int[] lengths;
    private final int documentCount;
    private final double averageLength;

    private Bm25Postings(Map<String, Postings> terms, int[] lengths, double averageLength) {
        this.terms = terms;
        this.lengths = lengths;
        this.documentCount = lengths.length;
        this.averageLength = averageLength;
    }

    /** Indexes {@code texts} with {@code tokenizer}; idf as rank_bm25's BM25Okapi, with its epsilon floor. */
    static Bm25Postings build(List<String> texts, Function<String, List<String>> tokenizer, double epsilon) {
        Map<String, Postings> terms = new HashMap<>();
        int[] lengths = new int[texts.size()];
        long total = 0;
        for (int d = 0; d < lengths.length; d++) {
            List<String> tokens = tokenizer.apply(texts.get(d));
            for (String token : tokens) {
                terms.computeIfAbsent(token, t -> new Postings()).add(d);
            }
            lengths[d] = tokens.size();
            total += tokens.size();
        }
        double averageLength = lengths.length == 0 ? 0 : (double) total / lengths.length;
        int n = lengths.length;
        double sum = 0;
        for (Postings p : terms.values()) {
            p.idf = Math.log(n - p.size + 0.5) - Math.log(p.size + 0.5);
            sum += p.idf;
        }
        // Very common terms would otherwise lower a document's score; rank_bm25 floors them instead.
        double floor = terms.isEmpty() ? 0 : epsilon * sum / terms.size();
        for (Postings p : terms.values()) {
            if (p.idf < 0) {
                p.idf = floor;
            }
            p.documents = Arrays.copyOf(p.documents, p.size);
            p.frequencies = Arrays.copyOf(p.frequencies, p.size);
        }
        return new Bm25Postings(terms, lengths, averageLength);
    }

    int documentCount() {
        return documentCount;
    }

    /** The postings of {@code term}, or null if no document has it. */
    Postings postings(String term) {
        return terms.get(term);
    }

    /** BM25's length normalisation {@code k1 (1 - b + b |d| / avgdl)} for one document. */
    double norm(int document, double k1, double b) {
        return k1 * (1 - b + b * lengths[document] / averageLength);
    }
}
