package dev.catena.prompts;

import dev.catena.core.messages.ChatMessage;
import java.util.List;
import java.util.Map;

/**
 * One part of a {@link ChatPromptTemplate}: a {@link MessageTemplate} (one message with
 * placeholders), a {@link MessagesPlaceholder} (a list of messages given at format time), a
 * {@link FewShotChatPromptTemplate}, or a fixed message ({@link #of(ChatMessage)}).
 */
public interface MessagePart {

    /** {@return the variables a caller must give for this part} */
    List<String> inputVariables();

    /**
     * {@return the messages this part contributes, for these variables}
     *
     * @param variables the values by variable name
     */
    List<ChatMessage> formatMessages(Map<String, ?> variables);

    /**
     * {@return a message that is sent as it is, with no placeholders}
     *
     * @param message the message
     */
    static MessagePart of(ChatMessage message) {
        return new FixedMessage(message);
    }

    /**
     * A fixed message as a part.
     *
     * @param message the message
     */
    record FixedMessage(ChatMessage message) implements MessagePart {
        /**
         * Requires the message.
         *
         * @param message the message
         */
        public FixedMessage {
            java.util.Objects.requireNonNull(message, "message");
        }

        @Override
        public List<String> inputVariables() {
            return List.of();
        }

        @Override
        public List<ChatMessage> formatMessages(Map<String, ?> variables) {
            return List.of(message);
        }
    }
}
