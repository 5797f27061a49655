package dev.catena.core.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model answers: text and/or tool calls, plus, when the provider gives them, reasoning
 * kept apart from the answer (DeepSeek's {@code reasoning_content}), why it stopped, and the
 * tokens it used.
 *
 * <p>A streamed reply arrives as chunks that are {@code AiMessage}s too; {@link #merge} adds
 * them up: text and reasoning concatenate, tool-call fragments with the same id join their
 * arguments, the last non-null finish reason wins, and token usages add up (as LangChain's
 * chunks do), so a client's chunk usages must sum to the call's total.
 *
 * @param text         the answer text; empty, never null, when the model only calls tools
 * @param toolCalls    the tools the model wants run, in order
 * @param reasoning    reasoning text kept apart from the answer, or null
 * @param finishReason why generation stopped in OpenAI's words ("stop", "length", "tool_calls",
 *                     "content_filter"), or null while streaming
 * @param usage        tokens used, or null if the provider did not say
 */
public record AiMessage(String text, List<ToolCall> toolCalls, String reasoning, String finishReason, TokenUsage usage)
        implements ChatMessage, Mergeable<AiMessage> {

    /**
     * Keeps an immutable copy of the tool calls and makes a null text empty.
     *
     * @param text the answer text; empty, never null, when the model only calls tools
     * @param toolCalls the tools the model wants run, in order
     * @param reasoning reasoning text kept apart from the answer, or null
     * @param finishReason why generation stopped in OpenAI's words ("stop", "length", "tool_calls",
     *     "content_filter"), or null while streaming
     * @param usage tokens used, or null if the provider did not say
     */
    public AiMessage {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /**
     * {@return a plain text answer}
     *
     * @param text the answer
     */
    public static AiMessage of(String text) {
        return new AiMessage(text, List.of(), null, null, null);
    }

    /**
     * {@return an answer that only calls tools}
     *
     * @param toolCalls the tools the model wants run, in order
     */
    public static AiMessage ofToolCalls(List<ToolCall> toolCalls) {
        return new AiMessage("", toolCalls, null, null, null);
    }

    /** {@return whether the model asked for tools to be run} */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    @Override
    public Role role() {
        return Role.AI;
    }

    /**
     * {@return this message with another usage}
     *
     * @param value the tokens used, or null
     */
    public AiMessage withUsage(TokenUsage value) {
        return new AiMessage(text, toolCalls, reasoning, finishReason, value);
    }

    /**
     * {@return this message with another finish reason}
     *
     * @param value why generation stopped ("stop", "length", "tool_calls", …), or null
     */
    public AiMessage withFinishReason(String value) {
        return new AiMessage(text, toolCalls, reasoning, value, usage);
    }

    /** {@return this message without its reasoning, as most providers want earlier turns sent back} */
    public AiMessage withoutReasoning() {
        return reasoning == null ? this : new AiMessage(text, toolCalls, null, finishReason, usage);
    }

    @Override
    public AiMessage merge(AiMessage next) {
        String mergedReasoning = reasoning == null ? next.reasoning
                : next.reasoning == null ? reasoning : reasoning + next.reasoning;
        return new AiMessage(text + next.text, mergeToolCalls(toolCalls, next.toolCalls), mergedReasoning,
                next.finishReason != null ? next.finishReason : finishReason,
                usage == null ? next.usage : usage.plus(next.usage));
    }

    private static List<ToolCall> mergeToolCalls(List<ToolCall> first, List<ToolCall> second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        Map<String, ToolCall> byId = new LinkedHashMap<>();
        for (ToolCall call : first) {
            byId.merge(call.id(), call, AiMessage::join);
        }
        for (ToolCall call : second) {
            byId.merge(call.id(), call, AiMessage::join);
        }
        return new ArrayList<>(byId.values());
    }

    private static ToolCall join(ToolCall a, ToolCall b) {
        return new ToolCall(a.id(), a.name().isEmpty() ? b.name() : a.name(), a.arguments() + b.arguments());
    }
}
