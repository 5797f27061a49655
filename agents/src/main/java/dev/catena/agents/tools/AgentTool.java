package dev.catena.agents.tools;

import dev.catena.core.tools.Tool;
import java.time.Duration;
import java.util.Objects;

/**
 * A tool together with how an agent executor treats it ({@link ToolOptions}).
 *
 * <pre>{@code
 * AgentTool deleteFile = AgentTool.of(tool).withApproval().withTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param tool the tool
 * @param options returnDirect, timeout and approval
 */
public record AgentTool(Tool tool, ToolOptions options) {

    /**
     * Checks both are present.
     *
     * @param tool the tool
     * @param options returnDirect, timeout and approval
     */
    public AgentTool {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(options, "options");
    }

    /**
     * {@return the tool with default options (not direct, no timeout, no approval)}
     *
     * @param tool the tool
     */
    public static AgentTool of(Tool tool) {
        return new AgentTool(tool, ToolOptions.DEFAULTS);
    }

    /** {@return the tool's name} */
    public String name() {
        return tool.spec().name();
    }

    /** {@return this tool, its result becoming the agent's final answer} */
    public AgentTool withReturnDirect() {
        return new AgentTool(tool, new ToolOptions(true, options.timeout(), options.needsApproval()));
    }

    /**
     * {@return this tool, each call limited to this long}
     *
     * @param timeout the longest one call may run
     */
    public AgentTool withTimeout(Duration timeout) {
        return new AgentTool(tool, new ToolOptions(options.returnDirect(), timeout, options.needsApproval()));
    }

    /** {@return this tool, each call approved first by the executor's {@link ToolApprover}} */
    public AgentTool withApproval() {
        return new AgentTool(tool, new ToolOptions(options.returnDirect(), options.timeout(), true));
    }
}
