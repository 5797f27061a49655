package dev.catena.core.models;

import java.util.Objects;

/**
 * Whether and which tool the model must call: {@link #AUTO} (it decides), {@link #NONE},
 * {@link #REQUIRED} (some tool), or one named tool.
 *
 * @param mode     "auto", "none", "required" or "tool"
 * @param toolName the tool to call when the mode is "tool", else null
 */
public record ToolChoice(String mode, String toolName) {

    public static final ToolChoice AUTO = new ToolChoice("auto", null);
    public static final ToolChoice NONE = new ToolChoice("none", null);
    public static final ToolChoice REQUIRED = new ToolChoice("required", null);

    public ToolChoice {
        Objects.requireNonNull(mode, "tool choice mode");
        if (!mode.equals("auto") && !mode.equals("none") && !mode.equals("required") && !mode.equals("tool")) {
            throw new IllegalArgumentException("tool choice mode must be auto, none, required or tool, was " + mode);
        }
        if (mode.equals("tool") == (toolName == null)) {
            throw new IllegalArgumentException("a tool name goes with mode 'tool' and only with it");
        }
    }

    /** The model must call this tool. */
    public static ToolChoice tool(String name) {
        return new ToolChoice("tool", name);
    }
}
