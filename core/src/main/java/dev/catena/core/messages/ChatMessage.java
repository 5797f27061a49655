package dev.catena.core.messages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One message of a chat: {@link SystemMessage}, {@link UserMessage}, {@link AiMessage},
 * {@link ToolMessage}, and the two kinds LangChain also stores, {@link ChatRoleMessage} (any role)
 * and {@link FunctionMessage} (a legacy function-calling result). Immutable; one JSON form for all of them lives in
 * {@link dev.catena.core.json.MessageJson}.
 *
 * <pre>{@code
 * List<ChatMessage> messages = List.of(
 *         ChatMessage.system("You are a helpful assistant."),
 *         ChatMessage.user("什么是 LangChain?"));
 * }</pre>
 */
public sealed interface ChatMessage permits SystemMessage, UserMessage, AiMessage, ToolMessage,
        ChatRoleMessage, FunctionMessage {

    /** Who speaks; carries the role's name in the OpenAI and the LangChain wire forms. */
    enum Role {
        /** Instructions for the model: OpenAI {@code system}, LangChain {@code system}. */
        SYSTEM("system", "system", "System"),
        /** The user's turn: OpenAI {@code user}, LangChain {@code human}. */
        USER("user", "human", "Human"),
        /** The model's answer: OpenAI {@code assistant}, LangChain {@code ai}. */
        AI("assistant", "ai", "AI"),
        /** A tool's result: {@code tool} in both forms. */
        TOOL("tool", "tool", "Tool"),
        /**
         * A role Catena does not model, named by the message ({@link ChatRoleMessage#speaker()}): LangChain
         * {@code chat}; in the OpenAI form the message's own role name.
         */
        CHAT("chat", "chat", "Chat"),
        /** A legacy function-calling result: {@code function} in both forms. */
        FUNCTION("function", "function", "Function");

        private final String openAiName;
        private final String langChainType;
        private final String defaultPrefix;

        Role(String openAiName, String langChainType, String defaultPrefix) {
            this.openAiName = openAiName;
            this.langChainType = langChainType;
            this.defaultPrefix = defaultPrefix;
        }

        /**
         * The OpenAI chat-completions {@code role}.
         *
         * @return the role's OpenAI name
         */
        public String openAiName() {
            return openAiName;
        }

        /**
         * The LangChain {@code messages_to_dict} {@code type}.
         *
         * @return the role's LangChain type
         */
        public String langChainType() {
            return langChainType;
        }

        /**
         * The speaker prefix LangChain's {@code get_buffer_string} uses.
         *
         * @return the prefix, such as {@code Human}
         */
        public String defaultPrefix() {
            return defaultPrefix;
        }
    }

    /**
     * The message's text (for a user message with images: its text parts joined). Never null.
     *
     * @return the text, possibly empty
     */
    String text();

    /**
     * Who speaks.
     *
     * @return the speaker's role
     */
    Role role();

    /**
     * The message's id (LangChain's {@code id}).
     *
     * @return the id, or empty when the message has none
     */
    Optional<String> id();

    /**
     * The speaker's name (OpenAI's and LangChain's {@code name}).
     *
     * @return the name, or empty when the message has none
     */
    Optional<String> name();

    /**
     * LangChain's {@code additional_kwargs} as read, less what Catena models itself; empty when none.
     *
     * @return an unmodifiable map, possibly empty
     */
    Map<String, Object> additionalKwargs();

    /**
     * LangChain's {@code response_metadata} as read, less what Catena models itself; empty when none.
     *
     * @return an unmodifiable map, possibly empty
     */
    Map<String, Object> responseMetadata();

    /**
     * This message with another id, everything else kept.
     *
     * @param id the new id; not null (use {@link #withoutId()} to clear it)
     * @return a copy with {@code id}
     * @throws NullPointerException if {@code id} is null
     */
    ChatMessage withId(String id);

    /**
     * This message without an id, everything else kept.
     *
     * @return a copy whose {@link #id()} is empty
     */
    ChatMessage withoutId();

    /**
     * A system message.
     *
     * @param text the instructions; not null
     * @return a system message with no name or id
     */
    static SystemMessage system(String text) {
        return new SystemMessage(text);
    }

    /**
     * A plain text user message.
     *
     * @param text the user's text
     * @return a user message with one text part
     */
    static UserMessage user(String text) {
        return UserMessage.of(text);
    }

    /**
     * A plain text answer of the model.
     *
     * @param text the answer text
     * @return an AI message with no tool calls
     */
    static AiMessage ai(String text) {
        return AiMessage.of(text);
    }

    /**
     * A successful tool result.
     *
     * @param toolCallId the id of the {@link ToolCall} this answers; not null
     * @param text the tool's output; not null
     * @return a tool message with no name
     */
    static ToolMessage tool(String toolCallId, String text) {
        return new ToolMessage(toolCallId, text, null);
    }

    /**
     * A message with a role of its own, as LangChain's {@code ChatMessage}.
     *
     * @param speaker the role's name, e.g. {@code "critic"}; not blank
     * @param text the message text; not null
     * @return a chat-role message with no name or id
     */
    static ChatRoleMessage chat(String speaker, String text) {
        return new ChatRoleMessage(speaker, text);
    }

    /**
     * The messages as one transcript, {@code "Human: …\nAI: …"}, as LangChain's
     * {@code get_buffer_string} writes it (system and tool messages as {@code System:} and {@code Tool:}).
     *
     * @param messages the messages, in order
     * @return one line per message, joined by newlines
     */
    static String toBufferString(List<? extends ChatMessage> messages) {
        return toBufferString(messages, Role.USER.defaultPrefix(), Role.AI.defaultPrefix());
    }

    /**
     * As {@link #toBufferString(List)} with other prefixes for the user and the AI.
     *
     * @param messages the messages, in order
     * @param humanPrefix the prefix of user messages
     * @param aiPrefix the prefix of AI messages
     * @return one line per message, joined by newlines
     */
    static String toBufferString(List<? extends ChatMessage> messages, String humanPrefix, String aiPrefix) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : messages) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            String prefix = switch (m.role()) {
                case USER -> humanPrefix;
                case AI -> aiPrefix;
                // LangChain writes a chat message's own role as its prefix
                case CHAT -> ((ChatRoleMessage) m).speaker();
                default -> m.role().defaultPrefix();
            };
            sb.append(prefix).append(": ").append(m.text());
        }
        return sb.toString();
    }
}
