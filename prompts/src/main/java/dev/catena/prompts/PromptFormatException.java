package dev.catena.prompts;

import dev.catena.core.CatenaException;
import java.util.List;

/**
 * A prompt template could not be built or formatted: a bad template (unbalanced brace, empty or
 * invalid variable name, unclosed section), missing variables at format time, or a template file
 * that cannot be read. The message says what was wrong and where.
 */
public class PromptFormatException extends CatenaException {

    /** The character position of the error, for {@link #position()}. */
    private final int position;
    /** The variables that were not given, for {@link #missingVariables()}. */
    private final List<String> missingVariables;

    /**
     * A template error at a character position (0-based), or -1 when there is no position.
     *
     * @param message what is wrong and where
     * @param position the 0-based character position, or -1
     */
    public PromptFormatException(String message, int position) {
        super(message);
        this.position = position;
        this.missingVariables = List.of();
    }

    /**
     * An error with a cause, for template files that cannot be read or written.
     *
     * @param message what failed
     * @param cause the I/O or parse failure
     */
    public PromptFormatException(String message, Throwable cause) {
        super(message, cause);
        this.position = -1;
        this.missingVariables = List.of();
    }

    private PromptFormatException(String message, List<String> missingVariables) {
        super(message);
        this.position = -1;
        this.missingVariables = List.copyOf(missingVariables);
    }

    /** The error for variables that were not given, naming all of them. */
    static PromptFormatException missing(List<String> missing, List<String> expected, Iterable<String> received) {
        StringBuilder got = new StringBuilder("[");
        for (String k : received) {
            got.append(got.length() > 1 ? ", " : "").append(k);
        }
        got.append(']');
        return new PromptFormatException("missing prompt variables " + missing + "; the template expects "
                + expected + " and got " + got + ". Pass a value for each, or set it with partial(...)", missing);
    }

    /** {@return the character position (0-based) in the template where the problem is, or -1} */
    public int position() {
        return position;
    }

    /** {@return the variables that were not given, in template order; empty for other errors} */
    public List<String> missingVariables() {
        return missingVariables;
    }
}
