package dev.catena.core.json;

import dev.catena.core.CatenaException;

/** JSON that should hold chat messages is malformed; the message names the offending field. */
public class MessageJsonException extends CatenaException {

    /** The JSON path of the field at fault, for {@link #field()}. */
    private final String field;

    /**
     * A field of a message's JSON is missing or wrong.
     *
     * @param field the JSON path of the field, e.g. {@code messages[2].role}
     * @param problem what is wrong with it
     */
    public MessageJsonException(String field, String problem) {
        this(field, problem, null);
    }

    /**
     * A field of a message's JSON is missing or wrong, found through another exception.
     *
     * @param field the JSON path of the field, e.g. {@code messages[2].role}
     * @param problem what is wrong with it
     * @param cause the underlying failure
     */
    public MessageJsonException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** {@return the JSON path of the field at fault, e.g. {@code messages[2].tool_calls[0].function.name}} */
    public String field() {
        return field;
    }
}
