package dev.catena.agents.toolkits;

import dev.catena.core.CatenaException;

/**
 * An arithmetic expression the {@link Calculator} cannot evaluate: a syntax error, an unknown name,
 * a result that is not a finite number, or input over the calculator's limits. The message names the
 * position (counting characters from 1) and says what was expected.
 */
public class ExpressionException extends CatenaException {

    private final int position;

    /** An error at {@code position} (1-based; 0 when it concerns the whole expression). */
    public ExpressionException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Where the error is, counting characters from 1; 0 when it concerns the whole expression. */
    public int position() {
        return position;
    }
}
