package dev.catena.retrieval.retrievers;

import java.util.Arrays;

/**
 * The terms of an index numbered 0, 1, 2, … in the order they are first added, looked up by a
 * slice of a char buffer: one hash and one comparison per token, and a term's characters are
 * copied once, when it is new, into one array shared by all terms (no string or array per term).
 *
 * <p>Open addressing with linear probing over a table of ids only, kept small (up to two thirds
 * full) because indexing looks up every token in it: a cache miss per token is what made the
 * former table slow. The hashes and characters are kept by id, so those of the common terms, which
 * come first in a corpus, sit together.
 */
final class Bm25Terms {

    private int[] slots = new int[1024]; // id + 1 of the term in each slot; 0 is a free slot
    private int shift = 32 - 10; // the top bits of the mixed hash pick the slot
    private int[] hashes = new int[512]; // by id
    private char[] chars = new char[8192];
    private int[] starts = new int[513]; // term id's characters are chars[starts[id], starts[id + 1])
    private int size;

    /** How many terms there are; their ids are 0 to {@code size() - 1}. */
    int size() {
        return size;
    }

    /**
     * The id of the first {@code length} chars of {@code token}, numbering it next if it is new;
     * {@code hash} is their {@link String#hashCode()}, which the tokenizer works out as it reads.
     */
    int add(char[] token, int length, int hash) {
        return add(token, 0, length, hash);
    }

    /** The id here of term {@code id} of {@code other}, numbering it next if it is new. */
    int add(Bm25Terms other, int id) {
        return add(other.chars, other.starts[id], other.starts[id + 1] - other.starts[id], other.hashes[id]);
    }

    private int add(char[] token, int offset, int length, int hash) {
        for (int slot = (hash * 0x9E3779B9) >>> shift; ; slot = (slot + 1) & (slots.length - 1)) {
            int id = slots[slot] - 1;
            if (id < 0) {
                id = append(token, offset, length, hash);
                slots[slot] = id + 1;
                if (3 * size > 2 * slots.length) {
                    grow();
                }
                return id;
            }
            if (hashes[id] == hash && equals(id, token, offset, length)) {
                return id;
            }
        }
    }

    /** The id of {@code term}, or -1 if it was never added. */
    int find(String term) {
        char[] token = term.toCharArray();
        int hash = term.hashCode();
        for (int slot = (hash * 0x9E3779B9) >>> shift; ; slot = (slot + 1) & (slots.length - 1)) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return -1;
            }
            if (hashes[id] == hash && equals(id, token, 0, token.length)) {
                return id;
            }
        }
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

    private int append(char[] token, int offset, int length, int hash) {
        int start = starts[size];
        if (start + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(2 * chars.length, start + length));
        }
        System.arraycopy(token, offset, chars, start, length);
        if (size + 2 > starts.length) {
            starts = Arrays.copyOf(starts, 2 * starts.length);
            hashes = Arrays.copyOf(hashes, starts.length - 1);
        }
        starts[size + 1] = start + length;
        hashes[size] = hash;
        return size++;
    }

    private void grow() {
        slots = new int[2 * slots.length];
        shift--;
        for (int id = 0; id < size; id++) {
            int slot = (hashes[id] * 0x9E3779B9) >>> shift;
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = id + 1;
        }
    }
}
