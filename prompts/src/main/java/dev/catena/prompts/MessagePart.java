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

    /** The variables a caller must give for this part. */
    List<String> inputVariables();

    /** The messages this part contributes, for these variables. */
    List<ChatMessage> formatMessages(Map<String, ?> variables);

    /** A message that is sent as it is, with no placeholders. */
    static MessagePart of(ChatMessage message) {
        return new FixedMessage(message);
    }

    /** A fixed message as a part. */
    record FixedMessage(ChatMessage message) implements MessagePart {
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
