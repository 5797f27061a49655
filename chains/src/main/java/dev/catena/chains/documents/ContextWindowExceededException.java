package dev.catena.chains.documents;

import dev.catena.core.CatenaException;

/**
 * A prompt cannot fit the model's context window even with the fewest documents a strategy can
 * send: the prompt and question alone, one document, or one mapped answer is too long. The message
 * gives the counts; split documents smaller, shorten the prompt or use a model with a larger window.
 */
public class ContextWindowExceededException extends CatenaException {

    /**
     * With a message giving the token counts.
     *
     * @param message what does not fit, with its token count and the limit
     */
    public ContextWindowExceededException(String message) {
        super(message);
    }
}
