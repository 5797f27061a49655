package dev.catena.agents;

import java.util.List;
import java.util.Objects;

/** What an agent decided after reading the conversation and its steps so far: act, answer, or (a reply it could not read) retry. */
public sealed interface AgentDecision {

    /**
     * Call these tools (several when the model made parallel tool calls), in this order.
     *
     * @param actions the tool calls, at least one
     */
    record Act(List<AgentAction> actions) implements AgentDecision {
        /**
         * Checks there is at least one action.
         *
         * @param actions the tool calls
         */
        public Act {
            if (actions == null || actions.isEmpty()) {
                throw new IllegalArgumentException("an agent decision to act needs at least one action");
            }
            actions = List.copyOf(actions);
        }
    }

    /**
     * The final answer.
     *
     * @param output the answer for the user
     */
    record Finish(String output) implements AgentDecision {
        /**
         * Checks the answer is present.
         *
         * @param output the answer
         */
        public Finish {
            Objects.requireNonNull(output, "output");
        }
    }

    /**
     * The model's reply could not be read; the executor records a step whose observation is the
     * error, so the model sees it on its next turn and can answer again in the right format.
     *
     * @param reply the model's reply
     * @param error what is wrong with it, in words for the model
     */
    record Malformed(String reply, String error) implements AgentDecision {
        /**
         * Checks both are present.
         *
         * @param reply the model's reply
         * @param error what is wrong with it
         */
        public Malformed {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(error, "error");
        }
    }
}
