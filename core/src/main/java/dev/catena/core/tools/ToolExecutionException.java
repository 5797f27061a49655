package dev.catena.core.tools;

import dev.catena.core.CatenaException;

/**
 * A tool could not do what it was asked: bad arguments, or the work failed. The message is meant
 * for the model too, so an agent can feed it back and let the model correct itself.
 */
public class ToolExecutionException extends CatenaException {

    /** The tool's name, for {@link #toolName()}. */
    private final String toolName;

    /**
     * A tool failed; the message is meant for the model too.
     *
     * @param toolName the tool's name
     * @param message what went wrong, in words the model can act on
     */
    public ToolExecutionException(String toolName, String message) {
        this(toolName, message, null);
    }

    /**
     * A tool failed because of another exception.
     *
     * @param toolName the tool's name
     * @param message what went wrong, in words the model can act on
     * @param cause the underlying failure
     */
    public ToolExecutionException(String toolName, String message, Throwable cause) {
        super("tool '" + toolName + "' failed: " + message, cause);
        this.toolName = toolName;
    }

    /** {@return the name of the tool that failed} */
    public String toolName() {
        return toolName;
    }
}
