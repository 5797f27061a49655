package dev.catena.retrieval.splitters;

/** Code-point length with an early answer for ranges that are certainly too long. */
enum CodePointLength implements LengthFunction {
    INSTANCE;

    @Override
    public int length(String text, int from, int to) {
        return Character.codePointCount(text, from, to);
    }

    @Override
    public int lengthBelow(String text, int from, int to, int limit) {
        int units = to - from;
        // A code point takes one or two chars, so twice the limit in chars is surely too long.
        if (units >= 2L * limit) {
            return limit;
        }
        return Character.codePointCount(text, from, to);
    }
}
