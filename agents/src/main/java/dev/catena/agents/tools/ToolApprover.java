package dev.catena.agents.tools;

import dev.catena.core.messages.ToolCall;

/**
 * Sees each call of a tool that needs approval before it runs, and allows, denies or edits it
 * (a human in the loop, or a policy).
 */
@FunctionalInterface
public interface ToolApprover {

    /**
     * Decides about one call.
     *
     * @param call the tool's name and the arguments the model chose
     * @return allow, deny (with a reason the model reads) or edit (with new arguments)
     */
    Approval review(ToolCall call);
}
