package dev.catena.retrieval.retrievers;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The first pass of indexing: every document tokenised once, each token replaced by its term id,
 * all documents' ids back to back in one array, with where each document ends. Term ids are
 * numbered in order of first occurrence in the corpus, however the work was split.
 */
final class Bm25TokenStream implements Bm25Tokenizer.TokenSink {

    private final Bm25Terms terms;
    private int[] ids;
    private int size;
    private final int[] ends;

    private Bm25TokenStream(Bm25Terms terms, int[] ids, int size, int[] ends) {
        this.terms = terms;
        this.ids = ids;
        this.size = size;
        this.ends = ends;
    }

    /**
     * Tokenises {@code texts} in {@code parts} consecutive parts, the parts in parallel when there
     * are more than one, then renumbers the later parts' terms into the first part's numbering.
     * Term ids, and so the index, are the same for any number of parts.
     */
    static Bm25TokenStream of(List<String> texts, Bm25Tokenizer tokenizer, int parts) {
        int n = texts.size();
        if (parts <= 1 || n < parts) {
            return of(texts, 0, n, tokenizer);
        }
        List<Bm25TokenStream> streams = IntStream.range(0, parts).parallel()
                .mapToObj(p -> of(texts, (int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts), tokenizer))
                .toList();
        return concat(streams);
    }

    /** Tokenises {@code texts[from, to)} with the default tokenizer, which hands tokens over without a string per token. */
    private static Bm25TokenStream of(List<String> texts, int from, int to, Bm25Tokenizer tokenizer) {
        Bm25TokenStream stream = empty(to - from);
        for (int d = from; d < to; d++) {
            tokenizer.tokens(texts.get(d), stream);
            stream.ends[d - from] = stream.size;
        }
        return stream;
    }

    /** Tokenises {@code texts} in order with any tokenizer (called from this thread only). */
    static Bm25TokenStream of(List<String> texts, Function<String, List<String>> tokenizer) {
        if (tokenizer instanceof Bm25Tokenizer bm25Tokenizer) {
            return of(texts, 0, texts.size(), bm25Tokenizer);
        }
        Bm25TokenStream stream = empty(texts.size());
        char[] buffer = new char[64];
        for (int d = 0; d < texts.size(); d++) {
            for (String token : tokenizer.apply(texts.get(d))) {
                if (token.length() > buffer.length) {
                    buffer = new char[Math.max(token.length(), 2 * buffer.length)];
                }
                token.getChars(0, token.length(), buffer, 0);
                stream.accept(buffer, token.length(), token.hashCode());
            }
            stream.ends[d] = stream.size;
        }
        return stream;
    }

    private static Bm25TokenStream empty(int documents) {
        return new Bm25TokenStream(new Bm25Terms(), new int[1024], 0, new int[documents]);
    }

    /**
     * The parts one after the other, in the first part's term numbering: the later parts' terms
     * are added to it in their own id order, which is their order of first occurrence, so a term
     * new to the whole corpus gets the next id just as a single pass would give it.
     */
    private static Bm25TokenStream concat(List<Bm25TokenStream> parts) {
        Bm25TokenStream first = parts.get(0);
        int documents = 0;
        int tokens = 0;
        for (Bm25TokenStream part : parts) {
            documents += part.ends.length;
            tokens += part.size;
        }
        int[] ids = Arrays.copyOf(first.ids, tokens);
        int[] ends = Arrays.copyOf(first.ends, documents);
        int size = first.size;
        int document = first.ends.length;
        for (Bm25TokenStream part : parts.subList(1, parts.size())) {
            int[] renumbered = new int[part.terms.size()];
            for (int t = 0; t < renumbered.length; t++) {
                renumbered[t] = first.terms.add(part.terms, t);
            }
            for (int i = 0; i < part.size; i++) {
                ids[size + i] = renumbered[part.ids[i]];
            }
            for (int d = 0; d < part.ends.length; d++) {
                ends[document + d] = size + part.ends[d];
            }
            size += part.size;
            document += part.ends.length;
        }
        return new Bm25TokenStream(first.terms, ids, size, ends);
    }

    @Override
    public void accept(char[] chars, int length, int hash) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, 2 * size);
        }
        ids[size++] = terms.add(chars, length, hash);
    }

    Bm25Terms terms() {
        return terms;
    }

    int documentCount() {
        return ends.length;
    }

    /** The term ids of all documents, back to back; valid up to the end of the last document. */
    int[] ids() {
        return ids;
    }

    /** Where each document's term ids end in {@link #ids()} (and the next one's begin). */
    int[] ends() {
        return ends;
    }
}
