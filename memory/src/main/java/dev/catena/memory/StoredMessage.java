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

    /** The stored form of one message. */
    public static String write(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        return MessageJson.toJson(MessageJson.toLangChain(message));
    }

    /** Reads one stored message; {@code where} names it (store, session, row) in the error. */
    public static ChatMessage read(String json, String where) {
        try {
            return MessageJson.fromLangChain(MessageJson.parse(json));
        } catch (MessageJsonException e) {
            throw new ChatHistoryException("stored message " + where + " is not a LangChain message_to_dict object ("
                    + e.getMessage() + "); fix or delete that entry", e);
        }
    }

    /**
     * Reads a session's stored messages in order. One that cannot be read goes to
     * {@code unreadable} with its position in {@code stored} and a {@link ChatHistoryException}
     * naming it ({@code where} gives its place in the store); it then skips it or fails the read.
     */
    public static List<ChatMessage> readAll(List<String> stored, IntFunction<String> where, UnreadableMessages unreadable) {
        List<ChatMessage> result = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            try {
                result.add(read(stored.get(i), where.apply(i)));
            } catch (ChatHistoryException e) {
                unreadable.unreadable(new UnreadableMessage(i, e));
            }
        }
        return result;
    }

    /** Rejects a null or empty session id with a message saying what to do. */
    public static void checkSessionId(String sessionId) {
        Objects.requireNonNull(sessionId, "session id");
        if (sessionId.isEmpty()) {
            throw new IllegalArgumentException("session id is empty; give every conversation a non-empty id");
        }
    }
}
