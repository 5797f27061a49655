package dev.catena.evaluation;

import dev.catena.core.CatenaException;

/** An evaluation could not be done: a sample lacks what an evaluator needs, or a judge's answer is unreadable. */
public class EvaluationException extends CatenaException {

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what to do
     */
    public EvaluationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong and what to do
     * @param cause the underlying failure
     */
    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
