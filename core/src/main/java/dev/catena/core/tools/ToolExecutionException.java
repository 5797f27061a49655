package dev.catena.core.tools;

import dev.catena.core.CatenaException;

/**
 * A tool could not do what it was asked: bad arguments, or the work failed. The message is meant
 * for the model too, so an agent can feed it back and let the model correct itself.
 */
public class ToolExecutionException extends CatenaException {

    private final String toolName;

    public ToolExecutionException(String toolName, String message) {
        this(toolName, message, null);
    }

    public ToolExecutionException(String toolName, String message, Throwable cause) {
        super("tool '" + toolName + "' failed: " + message, cause);
        this.toolName = toolName;
    }

    public String toolName() {
        return toolName;
    }
}
