package dev.catena.core.json;

import dev.catena.core.CatenaException;
import java.util.Objects;

/**
 * A stored message a reader could not read, as reported to {@link UnreadableMessages}.
 *
 * @param position the message's place in its list or history, from 0
 * @param error    why it could not be read; its message names the entry and the field at fault
 */
public record UnreadableMessage(int position, CatenaException error) {

    /**
     * Checks the position and that there is an error.
     *
     * @param position the message's place in its list or history, from 0
     * @param error    why it could not be read; its message names the entry and the field at fault
     * @throws IllegalArgumentException if {@code position} is negative
     * @throws NullPointerException if {@code error} is null
     */
    public UnreadableMessage {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, got " + position);
        }
        Objects.requireNonNull(error, "error");
    }

    /**
     * Why the message could not be read.
     *
     * @return the error's message, naming the entry and the field at fault
     */
    public String reason() {
        return error.getMessage();
    }
}
