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
 * arguments, token usages are summed (as LangChain adds chunks' {@code usage_metadata}), the last
 * non-null finish reason wins, and the first non-null id and name are kept.
 *
 * @param text             the answer text; empty, never null, when the model only calls tools
 * @param toolCalls        the tools the model wants run, in order
 * @param reasoning        reasoning text kept apart from the answer, or null
 * @param finishReason     why generation stopped in OpenAI's words ("stop", "length", "tool_calls",
 *                         "content_filter"), or null while streaming
 * @param usage            tokens used, or null if the provider did not say
 * @param id               the message's id (LangChain's {@code id}, often the provider's response id), or null
 * @param name             an optional participant name, or null
 * @param additionalKwargs LangChain's {@code additional_kwargs} (without {@code reasoning_content},
 *                         which is {@code reasoning}), kept as read; empty when none
 * @param responseMetadata LangChain's {@code response_metadata} (without {@code finish_reason},
 *                         which is {@code finishReason}), kept as read; empty when none
 * @param contentBlocks    the content as a list of blocks (LangChain's multi-part AI content, e.g.
 *                         Anthropic's text and tool_use blocks), kept as read; null when the content
 *                         is plain text. {@code text} then holds the blocks' text joined.
 */
public record AiMessage(String text, List<ToolCall> toolCalls, String reasoning, String finishReason, TokenUsage usage,
                        String id, String name, Map<String, Object> additionalKwargs,
                        Map<String, Object> responseMetadata, List<Object> contentBlocks)
        implements ChatMessage, Mergeable<AiMessage> {

    /**
     * Replaces null text and tool calls with empty ones and copies the maps and blocks.
     *
     * @param text             the answer text; empty, never null, when the model only calls tools
     * @param toolCalls        the tools the model wants run, in order
     * @param reasoning        reasoning text kept apart from the answer, or null
     * @param finishReason     why generation stopped in OpenAI's words ("stop", "length", "tool_calls",
     *                         "content_filter"), or null while streaming
     * @param usage            tokens used, or null if the provider did not say
     * @param id               the message's id (LangChain's {@code id}, often the provider's response id), or null
     * @param name             an optional participant name, or null
     * @param additionalKwargs LangChain's {@code additional_kwargs} (without {@code reasoning_content},
     *                         which is {@code reasoning}), kept as read; empty when none
     * @param responseMetadata LangChain's {@code response_metadata} (without {@code finish_reason},
     *                         which is {@code finishReason}), kept as read; empty when none
     * @param contentBlocks    the content as a list of blocks (LangChain's multi-part AI content, e.g.
     *                         Anthropic's text and tool_use blocks), kept as read; null when the content
     *                         is plain text. {@code text} then holds the blocks' text joined.
     */
    @SuppressWarnings("unchecked")
    public AiMessage {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        additionalKwargs = JsonFields.copy(additionalKwargs);
        responseMetadata = JsonFields.copy(responseMetadata);
        contentBlocks = contentBlocks == null ? null : (List<Object>) JsonFields.copyValue(contentBlocks);
    }

    /**
     * An answer with no id, name or LangChain metadata.
     *
     * @param text the answer text; null becomes empty
     * @param toolCalls the tools the model wants run, or null for none
     * @param reasoning reasoning text kept apart from the answer, or null
     * @param finishReason why generation stopped, or null
     * @param usage tokens used, or null if unknown
     */
    public AiMessage(String text, List<ToolCall> toolCalls, String reasoning, String finishReason, TokenUsage usage) {
        this(text, toolCalls, reasoning, finishReason, usage, null, null, null, null, null);
    }

    /**
     * A plain text answer.
     *
     * @param text the answer text
     * @return a message with no tool calls
     */
    public static AiMessage of(String text) {
        return new AiMessage(text, List.of(), null, null, null);
    }

    /**
     * An answer that only calls tools.
     *
     * @param toolCalls the tools the model wants run, in order
     * @return a message with empty text
     */
    public static AiMessage ofToolCalls(List<ToolCall> toolCalls) {
        return new AiMessage("", toolCalls, null, null, null);
    }

    /**
     * Whether the model asked for tools to be run.
     *
     * @return true when {@link #toolCalls()} is not empty
     */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    @Override
    public Role role() {
        return Role.AI;
    }

    /**
     * This message with another usage.
     *
     * @param value the usage, or null for unknown
     * @return a copy with {@code value} as its usage
     */
    public AiMessage withUsage(TokenUsage value) {
        return new AiMessage(text, toolCalls, reasoning, finishReason, value, id, name, additionalKwargs,
                responseMetadata, contentBlocks);
    }

    /**
     * This message with another finish reason.
     *
     * @param value the finish reason, or null
     * @return a copy with {@code value} as its finish reason
     */
    public AiMessage withFinishReason(String value) {
        return new AiMessage(text, toolCalls, reasoning, value, usage, id, name, additionalKwargs,
                responseMetadata, contentBlocks);
    }

    /** This message with another id. */
    @Override
    public AiMessage withId(String value) {
        return new AiMessage(text, toolCalls, reasoning, finishReason, usage, value, name, additionalKwargs,
                responseMetadata, contentBlocks);
    }

    /**
     * This message without its reasoning, as most providers want earlier turns sent back.
     *
     * @return a copy whose reasoning is null
     */
    public AiMessage withoutReasoning() {
        return reasoning == null ? this : new AiMessage(text, toolCalls, null, finishReason, usage, id, name,
                additionalKwargs, responseMetadata, contentBlocks);
    }

    /**
     * This chunk followed by {@code next}. Usages are summed (null counts as nothing), so a
     * provider that reports input tokens on its first chunk and output tokens on its last ends with
     * the whole call's usage; a stream must therefore not repeat a running total on several chunks.
     */
    @Override
    public AiMessage merge(AiMessage next) {
        String mergedReasoning = reasoning == null ? next.reasoning
                : next.reasoning == null ? reasoning : reasoning + next.reasoning;
        TokenUsage mergedUsage = usage == null ? next.usage : usage.plus(next.usage);
        List<Object> blocks = contentBlocks == null ? next.contentBlocks
                : next.contentBlocks == null ? contentBlocks : concat(contentBlocks, next.contentBlocks);
        return new AiMessage(text + next.text, mergeToolCalls(toolCalls, next.toolCalls), mergedReasoning,
                next.finishReason != null ? next.finishReason : finishReason, mergedUsage,
                id != null ? id : next.id, name != null ? name : next.name,
                JsonFields.merge(additionalKwargs, next.additionalKwargs),
                JsonFields.merge(responseMetadata, next.responseMetadata), blocks);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<ToolCall> mergeToolCalls(List<ToolCall> first, List<ToolCall> second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        // calls without an id cannot be fragments of one another: each stays a call of its own
        Map<Object, ToolCall> byId = new LinkedHashMap<>();
        for (List<ToolCall> calls : List.of(first, second)) {
            for (ToolCall call : calls) {
                byId.merge(call.id() != null ? call.id() : new Object(), call, AiMessage::join);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static ToolCall join(ToolCall a, ToolCall b) {
        return new ToolCall(a.id(), a.name().isEmpty() ? b.name() : a.name(), a.arguments() + b.arguments());
    }
}
