package dev.catena.core.json;

import dev.catena.core.messages.ChatMessage;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a LangChain message was stored when that differs from the form Catena writes (Python's
 * {@code message_to_dict}): LangChain.js's {@code toDict()} writes only the fields its constructor
 * was given ({@code data} without {@code type}, {@code name} or {@code id}; {@code tool_calls},
 * {@code invalid_tool_calls} and {@code usage_metadata} present or not; calls without {@code type};
 * {@code generic} for a chat-role message) and other writers add keys of their own. The reader
 * remembers, for the message it built, the top-level type, the {@code data} keys in their order and
 * the values Catena does not model or would write differently; the writer then writes that message
 * back with the same keys and values.
 *
 * <p>The record is kept beside the message, keyed by the message object's identity and held
 * weakly, so it never takes part in the message's equality and goes away with the message; a
 * changed copy ({@code withId}, …) is a new message and is written in Catena's own form.
 *
 * @param type the top-level {@code type} as read
 * @param keys the {@code data} keys as read, first occurrence first
 * @param raw  values written as read instead of from the message: unknown keys, {@code type},
 *             {@code example}, list content of messages other than AI, the tool-call arrays
 */
record LangChainSourceForm(String type, List<String> keys, Map<String, Object> raw) {

    private static final ReferenceQueue<ChatMessage> CLEARED = new ReferenceQueue<>();
    private static final Map<Identity, LangChainSourceForm> FORMS = new ConcurrentHashMap<>();

    private static final int COMMON = 0b111111;

    LangChainSourceForm {
        keys = List.copyOf(new LinkedHashSet<>(keys));
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }

    /** The bit of a {@code data} key Catena writes (in the order Python writes them), or 0 for any other key. */
    static int pythonKey(String key) {
        // a switch, not indexOf: the reader asks for every key of every message
        return switch (key) {
            case "content" -> 1;
            case "additional_kwargs" -> 1 << 1;
            case "response_metadata" -> 1 << 2;
            case "type" -> 1 << 3;
            case "name" -> 1 << 4;
            case "id" -> 1 << 5;
            case "example" -> 1 << 6;
            case "tool_calls" -> 1 << 7;
            case "invalid_tool_calls" -> 1 << 8;
            case "usage_metadata" -> 1 << 9;
            case "tool_call_id" -> 1 << 10;
            case "artifact" -> 1 << 11;
            case "status" -> 1 << 12;
            case "role" -> 1 << 13;
            default -> 0;
        };
    }

    private static final int HUMAN = COMMON | pythonKey("example");
    private static final int AI = HUMAN | pythonKey("tool_calls") | pythonKey("invalid_tool_calls") | pythonKey("usage_metadata");
    private static final int TOOL = COMMON | pythonKey("tool_call_id") | pythonKey("artifact") | pythonKey("status");
    private static final int CHAT = COMMON | pythonKey("role");

    /** The {@code data} keys Catena (and Python) writes for a message type, as bits of {@link #pythonKey}. */
    static int pythonKeys(String type) {
        return switch (type) {
            case "human" -> HUMAN;
            case "ai" -> AI;
            case "tool" -> TOOL;
            case "chat" -> CHAT;
            default -> COMMON;
        };
    }

    /** Remembers how {@code message} was stored. */
    static void remember(ChatMessage message, LangChainSourceForm form) {
        for (Object cleared; (cleared = CLEARED.poll()) != null; ) {
            FORMS.remove(cleared);
        }
        FORMS.put(new Identity(message, CLEARED), form);
    }

    /** How {@code message} was stored, or null when it was not read from a form of its own. */
    static LangChainSourceForm of(ChatMessage message) {
        // nothing to look up, and no key to make, unless some message was read in a form of its own
        return FORMS.isEmpty() ? null : FORMS.get(new Identity(message, null));
    }

    /** A message held weakly, equal only to a key for the same object. */
    private static final class Identity extends WeakReference<ChatMessage> {
        private final int hash;

        Identity(ChatMessage message, ReferenceQueue<ChatMessage> queue) {
            super(message, queue);
            this.hash = System.identityHashCode(message);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Identity key)) {
                return false;
            }
            ChatMessage message = get();
            return message != null && message == key.get();
        }
    }
}
