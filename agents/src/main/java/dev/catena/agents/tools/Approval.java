package dev.catena.agents.tools;

import java.util.Objects;

/** What a {@link ToolApprover} decided about one tool call. */
public sealed interface Approval {

    /** {@return run the call as the model asked} */
    static Approval allow() {
        return new Allow();
    }

    /**
     * {@return do not run the call; the model is told it was denied and why}
     *
     * @param reason why, in words for the model
     */
    static Approval deny(String reason) {
        return new Deny(reason);
    }

    /**
     * {@return run the call with these arguments instead}
     *
     * @param arguments the arguments to use, a JSON object as text
     */
    static Approval edit(String arguments) {
        return new Edit(arguments);
    }

    /** Run the call as asked. */
    record Allow() implements Approval {
    }

    /**
     * Do not run the call.
     *
     * @param reason why, in words for the model
     */
    record Deny(String reason) implements Approval {
        /**
         * Checks the reason.
         *
         * @param reason why, in words for the model
         */
        public Deny {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Run the call with other arguments.
     *
     * @param arguments the arguments to use, a JSON object as text
     */
    record Edit(String arguments) implements Approval {
        /**
         * Checks the arguments.
         *
         * @param arguments the arguments to use
         */
        public Edit {
            Objects.requireNonNull(arguments, "arguments");
        }
    }
}
