package dev.catena.retrieval.retrievers;

import java.util.Arrays;
import java.util.List;
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

    private final Terms terms;
    private final int[] lengths;
    private final int documentCount;
    private final double averageLength;

    private Bm25Postings(Terms terms, int[] lengths, double averageLength) {
        this.terms = terms;
        this.lengths = lengths;
        this.documentCount = lengths.length;
        this.averageLength = averageLength;
    }

    /** Indexes {@code texts} with {@code tokenizer}; idf as rank_bm25's BM25Okapi, with its epsilon floor. */
    static Bm25Postings build(List<String> texts, Function<String, List<String>> tokenizer, double epsilon) {
        Terms terms = new Terms();
        int[] lengths = new int[texts.size()];
        long total = 0;
        if (tokenizer instanceof Bm25Tokenizer bm25Tokenizer) {
            // the default tokenizer hands tokens over in a buffer: no string per token
            int[] document = new int[1];
            int[] length = new int[1];
            Bm25Tokenizer.TokenSink sink = (chars, n) -> {
                terms.postings(chars, n).add(document[0]);
                length[0]++;
            };
            for (int d = 0; d < lengths.length; d++) {
                document[0] = d;
                length[0] = 0;
                bm25Tokenizer.tokens(texts.get(d), sink);
                lengths[d] = length[0];
                total += length[0];
            }
        } else {
            for (int d = 0; d < lengths.length; d++) {
                List<String> tokens = tokenizer.apply(texts.get(d));
                for (String token : tokens) {
                    char[] chars = token.toCharArray();
                    terms.postings(chars, chars.length).add(d);
                }
                lengths[d] = tokens.size();
                total += tokens.size();
            }
        }
        double averageLength = lengths.length == 0 ? 0 : (double) total / lengths.length;
        int n = lengths.length;
        double sum = 0;
        for (int t = 0; t < terms.size; t++) {
            Postings p = terms.byId[t];
            p.idf = Math.log(n - p.size + 0.5) - Math.log(p.size + 0.5);
            sum += p.idf;
        }
        // Very common terms would otherwise lower a document's score; rank_bm25 floors them instead.
        double floor = terms.size == 0 ? 0 : epsilon * sum / terms.size;
        for (int t = 0; t < terms.size; t++) {
            Postings p = terms.byId[t];
            if (p.idf < 0) {
                p.idf = floor;
            }
            p.documents = Arrays.copyOf(p.documents, p.size);
            p.frequencies = Arrays.copyOf(p.frequencies, p.size);
        }
        return new Bm25Postings(terms, lengths, averageLength);
    }

    /**
     * Terms to their postings, looked up by a slice of a char buffer so indexing allocates a
     * string only for a term's first occurrence: open addressing with linear probing.
     */
    private static final class Terms {
        private String[] keys = new String[1024];
        private char[][] keyChars = new char[1024][];
        private Postings[] values = new Postings[1024];
        private int[] hashes = new int[1024];
        Postings[] byId = new Postings[1024];
        int size;

        Postings postings(char[] chars, int length) {
            int hash = 0;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + chars[i];
            }
            int mask = keys.length - 1;
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                String key = keys[slot];
                if (key == null) {
                    Postings p = new Postings();
                    keys[slot] = new String(chars, 0, length);
                    keyChars[slot] = Arrays.copyOf(chars, length);
                    values[slot] = p;
                    hashes[slot] = hash;
                    if (size == byId.length) {
                        byId = Arrays.copyOf(byId, size * 2);
                    }
                    byId[size++] = p;
                    if (size * 2 > keys.length) {
                        grow();
                    }
                    return p;
                }
                if (hashes[slot] == hash && Arrays.equals(keyChars[slot], 0, keyChars[slot].length, chars, 0, length)) {
                    return values[slot];
                }
            }
        }

        Postings get(String term) {
            int hash = term.hashCode();
            int mask = keys.length - 1;
            for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
                if (hashes[slot] == hash && keys[slot].equals(term)) {
                    return values[slot];
                }
            }
            return null;
        }

        /** Mixes the bits: similar terms (word1, word2) have near hashes that would cluster under linear probing. */
        private static int spread(int hash) {
            int h = hash * 0x9E3779B9;
            return h ^ (h >>> 15);
        }

        private void grow() {
            String[] oldKeys = keys;
            Postings[] oldValues = values;
            char[][] oldKeyChars = keyChars;
            int[] oldHashes = hashes;
            keys = new String[oldKeys.length * 2];
            values = new Postings[keys.length];
            keyChars = new char[keys.length][];
            hashes = new int[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = spread(oldHashes[i]) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                    keyChars[slot] = oldKeyChars[i];
                    hashes[slot] = oldHashes[i];
                }
            }
        }
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
