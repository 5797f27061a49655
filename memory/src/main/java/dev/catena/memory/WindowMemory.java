package dev.catena.memory;

import dev.catena.core.components.RunConfig;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps the last {@code k} exchanges of a conversation (LangChain's
 * {@code ConversationBufferWindowMemory}). An exchange starts at a user message and runs up to the
 * next one, so an AI reply's tool calls and their results stay together; for plain
 * user/AI alternation that is LangChain's "last 2k messages". With {@code pinSystemMessages} the
 * history's system messages are always kept, first.
 *
 * @param history           where the messages are
 * @param k                 how many exchanges to keep (0 keeps none)
 * @param pinSystemMessages whether system messages are always kept
 */
public record WindowMemory(ChatMessageHistory history, int k, boolean pinSystemMessages) implements ChatMemory {

    /**
     * Requires the history and rejects a negative {@code k}.
     *
     * @param history where the messages are
     * @param k how many exchanges to keep (0 keeps none)
     * @param pinSystemMessages whether system messages are always kept
     */
    public WindowMemory {
        Objects.requireNonNull(history, "history");
        if (k < 0) {
            throw new IllegalArgumentException("k must be 0 or more exchanges, got " + k);
        }
    }

    /**
     * {@return a memory of the last {@code k} exchanges, system messages not pinned (LangChain's default k is 5)}
     *
     * @param history where the messages are
     * @param k how many exchanges to keep
     */
    public static WindowMemory of(ChatMessageHistory history, int k) {
        return new WindowMemory(history, k, false);
    }

    @Override
    public List<ChatMessage> messages(String sessionId, RunConfig config) {
        List<ChatMessage> all = history.messages(sessionId);
        int start = all.size();
        int exchanges = 0;
        while (start > 0 && exchanges < k) {
            start--;
            if (all.get(start).role() == ChatMessage.Role.USER) {
                exchanges++;
            }
        }
        if (exchanges < k) {
            start = 0; // fewer exchanges than k: keep everything, including an opening AI greeting
        }
        if (!pinSystemMessages) {
            return List.copyOf(all.subList(start, all.size()));
        }
        List<ChatMessage> result = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            if (all.get(i) instanceof SystemMessage) {
                result.add(all.get(i));
            }
        }
        result.addAll(all.subList(start, all.size()));
        return List.copyOf(result);
    }
}
