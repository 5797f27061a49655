package dev.catena.core;

/**
 * Model output could not be parsed into what was expected. Keeps the raw model text, so a caller
 * can log it, show it or ask the model to fix it.
 */
public class OutputParserException extends CatenaException {

    /** The model's text as it was, for {@link #rawOutput()}. */
    private final String rawOutput;
    /** What the parser expected, for {@link #expected()}. */
    private final String expected;

    /**
     * A parse failure; the message shows the problem, what was expected and an excerpt of the text.
     *
     * @param problem what is wrong with the text
     * @param rawOutput the model's text as it was
     * @param expected what the parser expected, in words
     */
    public OutputParserException(String problem, String rawOutput, String expected) {
        this(problem, rawOutput, expected, null);
    }

    /**
     * A parse failure caused by another exception (for example Jackson's).
     *
     * @param problem what is wrong with the text
     * @param rawOutput the model's text as it was
     * @param expected what the parser expected, in words
     * @param cause the underlying failure, or null
     */
    public OutputParserException(String problem, String rawOutput, String expected, Throwable cause) {
        super(problem + "; expected " + expected + ", got: " + excerpt(rawOutput), cause);
        this.rawOutput = rawOutput;
        this.expected = expected;
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= 300) {
            return "\"" + text + "\"";
        }
        // Never cut an emoji or other supplementary character in half: a lone surrogate garbles logs.
        int end = Character.isHighSurrogate(text.charAt(299)) ? 299 : 300;
        return "\"" + text.substring(0, end) + "…\" (" + text.length() + " chars)";
    }

    /** {@return the model's text as it was} */
    public String rawOutput() {
        return rawOutput;
    }

    /** {@return what the parser expected, in words} */
    public String expected() {
        return expected;
    }
}
