package dev.catena.core.messages;

import java.util.List;

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
        /** Instructions for the model: OpenAI's "system", LangChain's "system". */
        SYSTEM("system", "system", "System"),
        /** The user's turn: OpenAI's "user", LangChain's "human". */
        USER("user", "human", "Human"),
        /** The model's turn: OpenAI's "assistant", LangChain's "ai". */
        AI("assistant", "ai", "AI"),
        /** A tool's result: "tool" in both. */
        TOOL("tool", "tool", "Tool");

        private final String openAiName;
        private final String langChainType;
        private final String defaultPrefix;

        Role(String openAiName, String langChainType, String defaultPrefix) {
            this.openAiName = openAiName;
            this.langChainType = langChainType;
            this.defaultPrefix = defaultPrefix;
        }

        /** {@return the OpenAI chat-completions {@code role}} */
        public String openAiName() {
            return openAiName;
        }

        /** {@return the LangChain {@code messages_to_dict} {@code type}} */
        public String langChainType() {
            return langChainType;
        }

        /** {@return the speaker prefix LangChain's {@code get_buffer_string} uses} */
        public String defaultPrefix() {
            return defaultPrefix;
        }
    }

    /** {@return the message's text (for a user message with images: its text parts joined)} Never null. */
    String text();

    /** {@return who speaks} */
    Role role();

    /**
     * {@return a system message with no name}
     *
     * @param text the instructions
     */
    static SystemMessage system(String text) {
        return new SystemMessage(text);
    }

    /**
     * {@return a plain text user message with no name}
     *
     * @param text what the user says
     */
    static UserMessage user(String text) {
        return UserMessage.of(text);
    }

    /**
     * {@return a plain text AI message}
     *
     * @param text the answer
     */
    static AiMessage ai(String text) {
        return AiMessage.of(text);
    }

    /**
     * {@return the result of a tool call}
     *
     * @param toolCallId the id of the {@link ToolCall} this answers
     * @param text the tool's result
     */
    static ToolMessage tool(String toolCallId, String text) {
        return new ToolMessage(toolCallId, text, null);
    }

    /**
     * {@return the messages as one transcript, {@code "Human: …\nAI: …"}, as LangChain's
     * {@code get_buffer_string} writes it (system and tool messages as {@code System:} and {@code Tool:})}
     *
     * @param messages the messages, oldest first
     */
    static String toBufferString(List<? extends ChatMessage> messages) {
        return toBufferString(messages, Role.USER.defaultPrefix(), Role.AI.defaultPrefix());
    }

    /**
     * As {@link #toBufferString(List)} with other prefixes for the user and the AI.
     *
     * @param messages the messages, oldest first
     * @param humanPrefix the prefix of user messages, instead of "Human"
     * @param aiPrefix the prefix of AI messages, instead of "AI"
     * @return the transcript
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
                default -> m.role().defaultPrefix();
            };
            sb.append(prefix).append(": ").append(m.text());
        }
        return sb.toString();
    }
}
