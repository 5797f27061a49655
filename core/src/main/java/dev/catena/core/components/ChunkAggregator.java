package dev.catena.core.components;

import dev.catena.core.messages.Mergeable;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Combines the chunks of a stream into one value: strings are joined, {@link Mergeable}s merged, otherwise the last wins. */
final class ChunkAggregator {

    private ChunkAggregator() {
    }

    static <T> T aggregate(Stream<T> chunks) {
        try (chunks) {
            return aggregate(chunks.collect(Collectors.toList()));
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T aggregate(List<T> chunks) {
        if (chunks.isEmpty()) {
            return null;
        }
        T first = chunks.get(0);
        if (chunks.size() == 1) {
            return first;
        }
        if (first instanceof CharSequence) {
            StringBuilder sb = new StringBuilder();
            for (T chunk : chunks) {
                sb.append((CharSequence) chunk);
            }
            return (T) sb.toString();
        }
        if (first instanceof Mergeable) {
            T sum = first;
            for (int i = 1; i < chunks.size(); i++) {
                sum = ((Mergeable<T>) sum).merge(chunks.get(i));
            }
            return sum;
        }
        return chunks.get(chunks.size() - 1);
    }
}
