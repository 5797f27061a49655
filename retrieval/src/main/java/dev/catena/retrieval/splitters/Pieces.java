package dev.catena.retrieval.splitters;

import java.util.Arrays;

/**
 * The pieces of a text cut at a separator, as ranges of the source string plus their measured
 * lengths: no substring is made until a chunk is emitted.
 */
final class Pieces {

    int[] starts = new int[16];
    int[] ends = new int[16];
    int[] lengths = new int[16];
    int size;
    /** Whether {@link #lengths} are already filled in (by the measuring of the range they tile). */
    boolean measured;

    void add(int start, int end) {
        if (start == end) {
            return; // LangChain drops empty pieces
        }
        if (size == starts.length) {
            int capacity = size * 2;
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }

    /** Forgets the first {@code count} pieces, moving the rest to the front (indices shift down by {@code count}). */
    void dropFirst(int count) {
        System.arraycopy(starts, count, starts, 0, size - count);
        System.arraycopy(ends, count, ends, 0, size - count);
        System.arraycopy(lengths, count, lengths, 0, size - count);
        size -= count;
    }
}
