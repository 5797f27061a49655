package dev.catena.core.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Operations on lists of messages, as LangChain's message utilities do them:
 * {@link #mergeRuns} ({@code merge_message_runs}), {@link #mergeContent} ({@code merge_content}) and
 * {@link #convert} ({@code convert_to_messages}). Filtering by kind, name and id is {@link MessageFilter}.
 *
 * <pre>{@code
 * List<ChatMessage> messages = Messages.of("hi", Map.entry("ai", "hello"),
 *         Map.of("role", "user", "content", "what can you do?"));
 * }</pre>
 */
public final class Messages {

    /** What {@link #mergeRuns} puts between the texts it joins (LangChain's {@code chunk_separator}). */
    public static final String RUN_SEPARATOR = "\n";

    private Messages() {
    }

    /**
     * Merges each run of consecutive messages of the same kind into one, as some providers require
     * (Anthropic wants user and assistant turns to alternate). Texts are joined by a line break;
     * AI messages merge as streamed chunks do ({@link AiMessage#merge}: tool calls kept, usage
     * summed); the first message's id and name are kept. Tool messages are never merged: each
     * answers its own call.
     *
     * @param messages the messages, in order
     * @return a new list with each run merged
     */
    public static List<ChatMessage> mergeRuns(List<? extends ChatMessage> messages) {
        List<ChatMessage> merged = new ArrayList<>();
        for (ChatMessage next : messages) {
            ChatMessage last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last == null || last.role() != next.role() || next instanceof ToolMessage) {
                merged.add(next);
            } else {
                merged.set(merged.size() - 1, join(last, next));
            }
        }
        return merged;
    }

    private static ChatMessage join(ChatMessage last, ChatMessage next) {
        boolean separate = !last.text().isEmpty() && !next.text().isEmpty();
        if (last instanceof AiMessage a && next instanceof AiMessage b) {
            return a.merge(separate ? AiMessage.of(RUN_SEPARATOR) : AiMessage.of("")).merge(b);
        }
        if (last instanceof UserMessage a && next instanceof UserMessage b) {
            List<ContentPart> parts = separate
                    ? mergeContent(mergeContent(a.content(), List.of(ContentPart.text(RUN_SEPARATOR))), b.content())
                    : mergeContent(a.content(), b.content());
            return new UserMessage(parts, a.name().orElse(null), a.id().orElse(null), JsonFields.merge(a.additionalKwargs(), b.additionalKwargs()),
                    JsonFields.merge(a.responseMetadata(), b.responseMetadata()));
        }
        SystemMessage a = (SystemMessage) last;
        SystemMessage b = (SystemMessage) next;
        return new SystemMessage(a.text() + (separate ? RUN_SEPARATOR : "") + b.text(), a.name().orElse(null), a.id().orElse(null),
                JsonFields.merge(a.additionalKwargs(), b.additionalKwargs()),
                JsonFields.merge(a.responseMetadata(), b.responseMetadata()));
    }

    /**
     * Two contents as one: text follows text directly (the last text part of {@code first} and
     * the first text part of {@code second} become one part), other parts are kept in order.
     *
     * @param first the leading content
     * @param second the content that follows
     * @return a new list of the parts
     */
    public static List<ContentPart> mergeContent(List<ContentPart> first, List<ContentPart> second) {
        if (first.isEmpty()) {
            return List.copyOf(second);
        }
        List<ContentPart> out = new ArrayList<>(first);
        int from = 0;
        if (!second.isEmpty() && out.get(out.size() - 1) instanceof ContentPart.Text a
                && second.get(0) instanceof ContentPart.Text b) {
            out.set(out.size() - 1, ContentPart.text(a.text() + b.text()));
            from = 1;
        }
        out.addAll(second.subList(from, second.size()));
        return out;
    }

    /**
     * The messages of the loose forms {@link #convert(List)} accepts, one per argument.
     *
     * @param items the messages, in any form {@link #convert(List)} accepts
     * @return the messages, in order
     * @throws MessageFormatException naming the item and what is wrong with it
     */
    public static List<ChatMessage> of(Object... items) {
        return convert(java.util.Arrays.asList(items));
    }

    /**
     * Messages from the loose forms LangChain's {@code convert_to_messages} accepts: a message as
     * it is; a string as a user message; a {@code (role, text)} pair as a {@link Map.Entry}, a
     * two-element list or array ({@code "human"}/{@code "user"}, {@code "ai"}/{@code "assistant"},
     * {@code "system"}/{@code "developer"}); a map in OpenAI's message shape ({@code role} or
     * LangChain's {@code type}, {@code content} as text or text / {@code image_url} parts,
     * {@code name}, {@code id}, {@code tool_call_id}, {@code tool_calls} with string arguments).
     *
     * @param items the messages, in any of these forms
     * @return the messages, in order
     * @throws MessageFormatException naming the item and what is wrong with it
     */
    public static List<ChatMessage> convert(List<?> items) {
        List<ChatMessage> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(LooseMessage.convert(items.get(i), "item " + i));
        }
        return out;
    }
}
