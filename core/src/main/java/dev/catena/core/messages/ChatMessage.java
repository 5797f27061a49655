package dev.catena.core.messages;

import java.util.List;
import java.util.Map;

/**
 * One message of a chat: {@link SystemMessage}, {@link UserMessage}, {@link AiMessage} or
 * {@link ToolMessage}. Immutable; one JSON form for all of them lives in
 * {@link dev.catena.core.json.MessageJson}.
 *
 * <pre>{@code
 * List<ChatMessage> messages = List.of(
 *         ChatMessage.system("You are a helpful assistant."),
 *         ChatMessage.user("什么是 LangChain?"));
 * }</pre>
 */
public sealed interface ChatMessage permits SystemMessage, UserMessage, AiMessage, ToolMessage {

    /** Who speaks; carries the role's name in the OpenAI and the LangChain wire forms. */
    enum Role {
        SYSTEM("system", "system", "System"),
        USER("user", "human", "Human"),
        AI("assistant", "ai", "AI"),
        TOOL("tool", "tool", "Tool");

        private final String openAiName;
        private final String langChainType;
        private final String defaultPrefix;

        Role(String openAiName, String langChainType, String defaultPrefix) {
            this.openAiName = openAiName;
            this.langChainType = langChainType;
            this.defaultPrefix = defaultPrefix;
        }

        /** The OpenAI chat-completions {@code role}. */
        public String openAiName() {
            return openAiName;
        }

        /** The LangChain {@code messages_to_dict} {@code type}. */
        public String langChainType() {
            return langChainType;
        }

        /** The speaker prefix LangChain's {@code get_buffer_string} uses. */
        public String defaultPrefix() {
            return defaultPrefix;
        }
    }

    /** The message's text (for a user message with images: its text parts joined). Never null. */
    String text();

    /** Who speaks. */
    Role role();

    /** The message's id (LangChain's {@code id}), or null when it has none. */
    String id();

    /** The speaker's name (OpenAI's and LangChain's {@code name}), or null. */
    String name();

    /** LangChain's {@code additional_kwargs} as read, less what Catena models itself; empty when none. */
    Map<String, Object> additionalKwargs();

    /** LangChain's {@code response_metadata} as read, less what Catena models itself; empty when none. */
    Map<String, Object> responseMetadata();

    /** This message with another id (null for none), everything else kept. */
    ChatMessage withId(String id);

    static SystemMessage system(String text) {
        return new SystemMessage(text);
    }

    static UserMessage user(String text) {
        return UserMessage.of(text);
    }

    static AiMessage ai(String text) {
        return AiMessage.of(text);
    }

    static ToolMessage tool(String toolCallId, String text) {
        return new ToolMessage(toolCallId, text, null);
    }

    /**
     * The messages as one transcript, {@code "Human: …\nAI: …"}, as LangChain's
     * {@code get_buffer_string} writes it (system and tool messages as {@code System:} and {@code Tool:}).
     */
    static String toBufferString(List<? extends ChatMessage> messages) {
        return toBufferString(messages, Role.USER.defaultPrefix(), Role.AI.defaultPrefix());
    }

    /** As {@link #toBufferString(List)} with other prefixes for the user and the AI. */
    static String toBufferString(List<? extends ChatMessage> messages, String humanPrefix, String aiPrefix) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : messages) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            String prefix = switch (m.role()) {
                case USER -> humanPrefix;
                case AI -> aiPrefix;
                default -> m.role().defaultPrefix();
            };
            sb.append(prefix).append(": ").append(m.text());
        }
        return sb.toString();
    }
}
