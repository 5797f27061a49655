package dev.catena.memory;

import dev.catena.core.json.MessageJson;
import dev.catena.core.json.MessageJsonException;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.json.UnreadableMessage;
import dev.catena.core.json.UnreadableMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The one text form every store keeps a message in: LangChain's {@code message_to_dict} JSON, so a
 * Python and a Java service can share a store. Public for stores in other artifacts (Redis) and for
 * users writing a store of their own.
 */
public final class StoredMessage {

    private StoredMessage() {
    }

    /**
     * The stored form of one message.
     *
     * @param message the message; not null
     * @return the message as LangChain's {@code message_to_dict} JSON
     */
    public static String write(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        return MessageJson.writeLangChainMessage(message);
    }

    /**
     * Reads one stored message; {@code where} names it (store, session, row) in the error.
     *
     * @param json the stored JSON, in LangChain's {@code message_to_dict} form
     * @param where the message's place in the store, for the error
     * @return the message
     * @throws ChatHistoryException if {@code json} is not a LangChain message
     */
    public static ChatMessage read(String json, String where) {
        try {
            return MessageJson.readLangChainMessage(json);
        } catch (MessageJsonException e) {
            throw notALangChainMessage(where, e);
        }
    }

    private static ChatHistoryException notALangChainMessage(String where, MessageJsonException e) {
        return new ChatHistoryException("stored message " + where + " is not a LangChain message_to_dict object ("
                + e.getMessage() + "); fix or delete that entry", e);
    }

    /**
     * Reads a session's stored messages in order. One that cannot be read goes to
     * {@code unreadable} with its position in {@code stored} and a {@link ChatHistoryException}
     * naming it ({@code where} gives its place in the store); it then skips it or fails the read.
     *
     * @param stored the session's stored JSON texts, oldest first
     * @param where gives the place in the store of the message at a position, for the error
     * @param unreadable what to do with a message that cannot be read
     * @return the readable messages, in order
     */
    public static List<ChatMessage> readAll(List<String> stored, IntFunction<String> where, UnreadableMessages unreadable) {
        List<ChatMessage> result = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            try {
                result.add(MessageJson.readLangChainMessage(stored.get(i)));
            } catch (MessageJsonException e) {
                // the place is named only for a message that cannot be read: naming it costs a string
                unreadable.unreadable(new UnreadableMessage(i, notALangChainMessage(where.apply(i), e)));
            }
        }
        return result;
    }

    /**
     * Rejects a null or empty session id with a message saying what to do.
     *
     * @param sessionId the session id to check
     * @throws NullPointerException if {@code sessionId} is null
     * @throws IllegalArgumentException if {@code sessionId} is empty
     */
    public static void checkSessionId(String sessionId) {
        Objects.requireNonNull(sessionId, "session id");
        if (sessionId.isEmpty()) {
            throw new IllegalArgumentException("session id is empty; give every conversation a non-empty id");
        }
    }
}
