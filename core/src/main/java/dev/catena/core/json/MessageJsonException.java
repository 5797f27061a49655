package dev.catena.core.json;

import dev.catena.core.CatenaException;

/** JSON that should hold chat messages is malformed; the message names the offending field. */
public class MessageJsonException extends CatenaException {

    private final String field;

    public MessageJsonException(String field, String problem) {
        this(field, problem, null);
    }

    public MessageJsonException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    /** The JSON path of the field at fault, e.g. {@code messages[2].tool_calls[0].function.name}. */
    public String field() {
        return field;
    }
}
