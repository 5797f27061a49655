package dev.catena.memory;

import dev.catena.core.json.MessageJson;
import dev.catena.core.json.MessageJsonException;
import dev.catena.core.messages.ChatMessage;
import java.util.Objects;

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
     * @param message the message to store; not null
     * @return its LangChain {@code message_to_dict} JSON
     */
    public static String write(ChatMessage message) {
        Objects.requireNonNull(message, "message");
        return MessageJson.toJson(MessageJson.toLangChain(message));
    }

    /**
     * Reads one stored message; {@code where} names it (store, session, row) in the error.
     *
     * @param json the stored LangChain {@code message_to_dict} JSON
     * @param where names the entry (store, session, row) in the error message
     * @return the message
     * @throws ChatHistoryException if the JSON is not a LangChain message
     */
    public static ChatMessage read(String json, String where) {
        try {
            return MessageJson.fromLangChain(MessageJson.parse(json));
        } catch (MessageJsonException e) {
            throw new ChatHistoryException("stored message " + where + " is not a LangChain message_to_dict object ("
                    + e.getMessage() + "); fix or delete that entry", e);
        }
    }

    /**
     * Rejects a null or empty session id with a message saying what to do.
     *
     * @param sessionId the session id to check
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is empty
     */
    public static void checkSessionId(String sessionId) {
        Objects.requireNonNull(sessionId, "session id");
        if (sessionId.isEmpty()) {
            throw new IllegalArgumentException("session id is empty; give every conversation a non-empty id");
        }
    }
}
