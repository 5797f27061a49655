package dev.catena.core.models;

import dev.catena.core.messages.ChatMessage;
import java.util.List;

/**
 * A formatted prompt that feeds a text model ({@link #toText()}) or a chat model
 * ({@link #toMessages()}) alike, as LangChain's {@code PromptValue}. Prompt templates produce it;
 * chat and text models take it.
 */
public interface PromptValue {

    /** {@return the prompt as one string (a chat prompt as a {@code Human: …\nAI: …} transcript)} */
    String toText();

    /** {@return the prompt as messages (a string prompt as one user message)} */
    List<ChatMessage> toMessages();

    /**
     * {@return a prompt that is one string}
     *
     * @param text the prompt text
     */
    static PromptValue of(String text) {
        return new StringPromptValue(text);
    }

    /**
     * {@return a prompt that is a list of messages}
     *
     * @param messages the messages, in order
     */
    static PromptValue of(List<? extends ChatMessage> messages) {
        return new ChatPromptValue(List.copyOf(messages));
    }
}
