package dev.catena.agents.toolkits;

import dev.catena.core.CatenaException;

/**
 * An arithmetic expression the {@link Calculator} cannot evaluate: a syntax error, an unknown name,
 * a result that is not a finite number, or input over the calculator's limits. The message names the
 * position (counting characters from 1) and says what was expected.
 */
public class ExpressionException extends CatenaException {

    /** Where the error is, counting characters from 1; 0 for the whole expression. */
    private final int position;

    /**
     * An error at {@code position} (1-based; 0 when it concerns the whole expression).
     *
     * @param message what was wrong and what was expected
     * @param position the position, from 1, or 0
     */
    public ExpressionException(String message, int position) {
        super(message);
        this.position = position;
    }

    /**
     * Where the error is, counting characters from 1; 0 when it concerns the whole expression.
     *
     * @return the position, from 1, or 0
     */
    public int position() {
        return position;
    }
}
