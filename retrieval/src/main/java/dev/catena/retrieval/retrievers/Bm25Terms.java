package dev.catena.retrieval.retrievers;

import java.util.Arrays;

/**
 * The terms of an index numbered 0, 1, 2, … in the order they are first added, looked up by a
 * slice of a char buffer: one hash and one comparison per token, and a term's characters are
 * copied once, when it is new, into one array shared by all terms (no string or array per term).
 *
 * <p>Open addressing with linear probing; each slot holds the term's hash and id in one
 * {@code long}, so a probe reads one array element and compares characters only when the hashes
 * match.
 */
final class Bm25Terms {

    private long[] slots = new long[1024]; // (hash << 32) | (id + 1); 0 is a free slot
    private int shift = 32 - 10; // the top bits of the mixed hash pick the slot
    private char[] chars = new char[8192];
    private int[] starts = new int[513]; // term id's characters are chars[starts[id], starts[id + 1])
    private int size;

    /** How many terms there are; their ids are 0 to {@code size() - 1}. */
    int size() {
        return size;
    }

    /** The id of the first {@code length} chars of {@code token}, numbering it next if it is new. */
    int add(char[] token, int length) {
        return add(token, 0, length);
    }

    /** The id here of term {@code id} of {@code other}, numbering it next if it is new. */
    int add(Bm25Terms other, int id) {
        return add(other.chars, other.starts[id], other.starts[id + 1] - other.starts[id]);
    }

    private int add(char[] token, int offset, int length) {
        int hash = hash(token, offset, length);
        for (int slot = (hash * 0x9E3779B9) >>> shift; ; slot = (slot + 1) & (slots.length - 1)) {
            long entry = slots[slot];
            if (entry == 0) {
                int id = append(token, offset, length);
                slots[slot] = (long) hash << 32 | (id + 1);
                if (2 * size > slots.length) {
                    grow();
                }
                return id;
            }
            if ((int) (entry >>> 32) == hash && equals((int) entry - 1, token, offset, length)) {
                return (int) entry - 1;
            }
        }
    }

    /** The id of {@code term}, or -1 if it was never added. */
    int find(String term) {
        char[] token = term.toCharArray();
        int hash = hash(token, 0, token.length);
        for (int slot = (hash * 0x9E3779B9) >>> shift; ; slot = (slot + 1) & (slots.length - 1)) {
            long entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash && equals((int) entry - 1, token, 0, token.length)) {
                return (int) entry - 1;
            }
        }
    }

    /** The characters of term {@code id}, as a new string. */
    String term(int id) {
        return new String(chars, starts[id], starts[id + 1] - starts[id]);
    }

    private static int hash(char[] token, int offset, int length) {
        int hash = 0;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + token[i];
        }
        return hash;
    }

    private boolean equals(int id, char[] token, int offset, int length) {
        int start = starts[id];
        if (starts[id + 1] - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != token[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private int append(char[] token, int offset, int length) {
        int start = starts[size];
        if (start + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(2 * chars.length, start + length));
        }
        System.arraycopy(token, offset, chars, start, length);
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, 2 * starts.length);
        }
        starts[size + 1] = start + length;
        return size++;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[2 * old.length];
        shift--;
        for (long entry : old) {
            if (entry != 0) {
                int slot = ((int) (entry >>> 32) * 0x9E3779B9) >>> shift;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & (slots.length - 1);
                }
                slots[slot] = entry;
            }
        }
    }
}
