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

    /** The model decides whether to call a tool (the default). */
    public static final ToolChoice AUTO = new ToolChoice("auto", null);
    /** The model must not call a tool. */
    public static final ToolChoice NONE = new ToolChoice("none", null);
    /** The model must call at least one tool, of its choosing. */
    public static final ToolChoice REQUIRED = new ToolChoice("required", null);

    /**
     * Checks that the mode is auto, none, required or tool, and that a tool name goes with mode "tool" and
     * only with it.
     *
     * @param mode "auto", "none", "required" or "tool"
     * @param toolName the tool to call when the mode is "tool", else null
     */
    public ToolChoice {
        Objects.requireNonNull(mode, "tool choice mode");
        if (!mode.equals("auto") && !mode.equals("none") && !mode.equals("required") && !mode.equals("tool")) {
            throw new IllegalArgumentException("tool choice mode must be auto, none, required or tool, was " + mode);
        }
        if (mode.equals("tool") == (toolName == null)) {
            throw new IllegalArgumentException("a tool name goes with mode 'tool' and only with it");
        }
    }

    /**
     * {@return the choice that makes the model call this tool}
     *
     * @param name the tool's name
     */
    public static ToolChoice tool(String name) {
        return new ToolChoice("tool", name);
    }
}
