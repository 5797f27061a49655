package dev.catena.retrieval.splitters;

/** Python's {@code str.isspace} for one char, so stripping matches LangChain's {@code str.strip()}. */
final class PythonWhitespace {

    private PythonWhitespace() {
    }

    static boolean is(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }
        // Java's isWhitespace leaves out the no-break spaces and NEL that Python counts.
        return Character.isWhitespace(c) || c == '\u0085' || c == '\u00a0' || c == '\u2007' || c == '\u202f';
    }
}
