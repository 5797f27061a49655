package dev.catena.agents.tools;

import java.time.Duration;
import java.util.Objects;

/**
 * How an agent executor treats one tool.
 *
 * @param returnDirect whether the tool's result is the final answer (the loop stops after it)
 * @param timeout the longest one call may run; {@link Duration#ZERO} means no limit of its own
 * @param needsApproval whether each call goes to the executor's {@link ToolApprover} first
 */
public record ToolOptions(boolean returnDirect, Duration timeout, boolean needsApproval) {

    /** Not direct, no timeout of its own, no approval. */
    public static final ToolOptions DEFAULTS = new ToolOptions(false, Duration.ZERO, false);

    /**
     * Checks the timeout.
     *
     * @param returnDirect whether the tool's result is the final answer
     * @param timeout the longest one call may run; zero for no limit
     * @param needsApproval whether each call must be approved first
     */
    public ToolOptions {
        Objects.requireNonNull(timeout, "timeout (use Duration.ZERO for none)");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("tool timeout must not be negative, got " + timeout);
        }
    }
}
