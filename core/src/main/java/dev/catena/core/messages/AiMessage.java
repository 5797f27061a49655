package dev.catena.core.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model answers: text and/or tool calls, plus, when the provider gives them, reasoning
 * kept apart from the answer (DeepSeek's {@code reasoning_content}), why it stopped, and the
 * tokens it used.
 *
 * <p>What a provider may leave out is read through {@link Optional}: {@link #usage()},
 * {@link #finishReason()}, {@link #reasoning()}, {@link #id()}, {@link #name()} and
 * {@link #contentBlocks()} are empty when absent, never null (see the package documentation).
 * The constructors take null for "absent"; the {@code withX} methods refuse null and have a
 * {@code withoutX} companion to clear the value.
 *
 * <p>A streamed reply arrives as chunks that are {@code AiMessage}s too; {@link #merge} adds
 * them up: text and reasoning concatenate, tool-call fragments with the same id join their
 * arguments, token usages are summed (as LangChain adds chunks' {@code usage_metadata}), the last
 * present finish reason wins, and the first present id and name are kept.
 */
public final class AiMessage extends MessageFields implements ChatMessage, Mergeable<AiMessage> {

    private final String text;
    private final List<ToolCall> toolCalls;
    private final String reasoning;
    private final String finishReason;
    private final TokenUsage usage;
    private final List<Object> contentBlocks;

    /**
     * An answer with every field; null stands for an absent value.
     *
     * @param text             the answer text; null becomes empty (the model may only call tools)
     * @param toolCalls        the tools the model wants run, in order; null for none
     * @param reasoning        reasoning text kept apart from the answer, or null for none
     * @param finishReason     why generation stopped in OpenAI's words ("stop", "length", "tool_calls",
     *                         "content_filter"), or null when not known (e.g. while streaming)
     * @param usage            tokens used, or null if the provider did not say
     * @param id               the message's id (LangChain's {@code id}, often the provider's response id), or null
     * @param name             an optional participant name, or null
     * @param additionalKwargs LangChain's {@code additional_kwargs} (without {@code reasoning_content},
     *                         which is {@code reasoning}), kept as read; null for none
     * @param responseMetadata LangChain's {@code response_metadata} (without {@code finish_reason},
     *                         which is {@code finishReason}), kept as read; null for none
     * @param contentBlocks    the content as a list of blocks (LangChain's multi-part AI content, e.g.
     *                         Anthropic's text and tool_use blocks), kept as read; null when the content
     *                         is plain text. {@code text} then holds the blocks' text joined.
     */
    @SuppressWarnings("unchecked")
    public AiMessage(String text, List<ToolCall> toolCalls, String reasoning, String finishReason, TokenUsage usage,
                     String id, String name, Map<String, Object> additionalKwargs,
                     Map<String, Object> responseMetadata, List<Object> contentBlocks) {
        super(name, id, additionalKwargs, responseMetadata);
        this.text = text == null ? "" : text;
        this.toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        this.reasoning = reasoning;
        this.finishReason = finishReason;
        this.usage = usage;
        this.contentBlocks = contentBlocks == null ? null : (List<Object>) JsonFields.copyValue(contentBlocks);
    }

    /**
     * An answer with no id, name or LangChain metadata; null stands for an absent value.
     *
     * @param text the answer text; null becomes empty
     * @param toolCalls the tools the model wants run, or null for none
     * @param reasoning reasoning text kept apart from the answer, or null for none
     * @param finishReason why generation stopped, or null when not known
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

    @Override
    public String text() {
        return text;
    }

    /**
     * The tools the model wants run, in order.
     *
     * @return an unmodifiable list, empty when the model called none
     */
    public List<ToolCall> toolCalls() {
        return toolCalls;
    }

    /**
     * Reasoning text kept apart from the answer (DeepSeek's {@code reasoning_content}, Anthropic's thinking).
     *
     * @return the reasoning, or empty when the model gave none
     */
    public Optional<String> reasoning() {
        return Optional.ofNullable(reasoning);
    }

    /**
     * Why generation stopped, in OpenAI's words ("stop", "length", "tool_calls", "content_filter").
     *
     * @return the finish reason, or empty when not known (e.g. on a streamed chunk before the last)
     */
    public Optional<String> finishReason() {
        return Optional.ofNullable(finishReason);
    }

    /**
     * The tokens the call used, as the provider reported them.
     *
     * @return the usage, or empty when the provider did not say
     */
    public Optional<TokenUsage> usage() {
        return Optional.ofNullable(usage);
    }

    /**
     * The content as a list of blocks (LangChain's multi-part AI content, e.g. Anthropic's text and
     * tool_use blocks), kept as read; {@link #text()} then holds the blocks' text joined.
     *
     * @return an unmodifiable list of blocks, or empty when the content is plain text
     */
    public Optional<List<Object>> contentBlocks() {
        return Optional.ofNullable(contentBlocks);
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
     * @param value the usage; not null (use {@link #withoutUsage()} to clear it)
     * @return a copy with {@code value} as its usage
     * @throws NullPointerException if {@code value} is null
     */
    public AiMessage withUsage(TokenUsage value) {
        Objects.requireNonNull(value, "usage must not be null; use withoutUsage() to clear it");
        return new AiMessage(text, toolCalls, reasoning, finishReason, value, id, name, additionalKwargs,
                responseMetadata, contentBlocks);
    }

    /**
     * This message with its usage unknown.
     *
     * @return a copy whose {@link #usage()} is empty
     */
    public AiMessage withoutUsage() {
        return usage == null ? this : new AiMessage(text, toolCalls, reasoning, finishReason, null, id, name,
                additionalKwargs, responseMetadata, contentBlocks);
    }

    /**
     * This message with another finish reason.
     *
     * @param value the finish reason; not null (use {@link #withoutFinishReason()} to clear it)
     * @return a copy with {@code value} as its finish reason
     * @throws NullPointerException if {@code value} is null
     */
    public AiMessage withFinishReason(String value) {
        Objects.requireNonNull(value, "finishReason must not be null; use withoutFinishReason() to clear it");
        return new AiMessage(text, toolCalls, reasoning, value, usage, id, name, additionalKwargs,
                responseMetadata, contentBlocks);
    }

    /**
     * This message with its finish reason unknown.
     *
     * @return a copy whose {@link #finishReason()} is empty
     */
    public AiMessage withoutFinishReason() {
        return finishReason == null ? this : new AiMessage(text, toolCalls, reasoning, null, usage, id, name,
                additionalKwargs, responseMetadata, contentBlocks);
    }

    @Override
    public AiMessage withId(String value) {
        Objects.requireNonNull(value, "id must not be null; use withoutId() to clear it");
        return new AiMessage(text, toolCalls, reasoning, finishReason, usage, value, name, additionalKwargs,
                responseMetadata, contentBlocks);
    }

    @Override
    public AiMessage withoutId() {
        return id == null ? this : new AiMessage(text, toolCalls, reasoning, finishReason, usage, null, name,
                additionalKwargs, responseMetadata, contentBlocks);
    }

    /**
     * This message without its reasoning, as most providers want earlier turns sent back.
     *
     * @return a copy whose {@link #reasoning()} is empty
     */
    public AiMessage withoutReasoning() {
        return reasoning == null ? this : new AiMessage(text, toolCalls, null, finishReason, usage, id, name,
                additionalKwargs, responseMetadata, contentBlocks);
    }

    /**
     * This chunk followed by {@code next}. Usages are summed (an absent usage counts as nothing), so a
     * provider that reports input tokens on its first chunk and output tokens on its last ends with
     * the whole call's usage; a stream must therefore not repeat a running total on several chunks.
     */
    @Override
    public AiMessage merge(AiMessage next) {
        String mergedReasoning = reasoning == null ? next.reasoning
                : next.reasoning == null ? reasoning : reasoning + next.reasoning;
        TokenUsage mergedUsage = usage == null ? next.usage : next.usage == null ? usage : usage.plus(next.usage);
        List<Object> blocks = contentBlocks == null ? next.contentBlocks
                : next.contentBlocks == null ? contentBlocks : concat(contentBlocks, next.contentBlocks);
        return new AiMessage(text + next.text, mergeToolCalls(toolCalls, next.toolCalls), mergedReasoning,
                next.finishReason != null ? next.finishReason : finishReason, mergedUsage,
                id != null ? id : next.id, name != null ? name : next.name,
                JsonFields.merge(additionalKwargs, next.additionalKwargs),
                JsonFields.merge(responseMetadata, next.responseMetadata), blocks);
    }

    /** Equal when every field is equal, absent fields included. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof AiMessage m && text.equals(m.text) && toolCalls.equals(m.toolCalls)
                && Objects.equals(reasoning, m.reasoning) && Objects.equals(finishReason, m.finishReason)
                && Objects.equals(usage, m.usage) && sameFields(m)
                && Objects.equals(contentBlocks, m.contentBlocks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, toolCalls, reasoning, finishReason, usage, id, name, additionalKwargs,
                responseMetadata, contentBlocks);
    }

    /** The fields in a record's form, absent ones left out. */
    @Override
    public String toString() {
        return RecordForm.of("AiMessage").field("text", text).field("toolCalls", toolCalls)
                .optional("reasoning", reasoning).optional("finishReason", finishReason).optional("usage", usage)
                .optional("id", id).optional("name", name).map("additionalKwargs", additionalKwargs)
                .map("responseMetadata", responseMetadata).optional("contentBlocks", contentBlocks).toString();
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
                byId.merge(call.id().isPresent() ? call.id().get() : new Object(), call, AiMessage::join);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static ToolCall join(ToolCall a, ToolCall b) {
        return new ToolCall(a.id().orElse(null), a.name().isEmpty() ? b.name() : a.name(), a.arguments() + b.arguments());
    }
}
