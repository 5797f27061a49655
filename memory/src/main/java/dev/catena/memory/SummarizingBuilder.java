package dev.catena.memory;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.prompts.PromptTemplate;
import java.util.Objects;

/**
 * The settings every summarising memory shares ({@link SummaryMemory}, {@link SummaryBufferMemory}):
 * the history, the model and prompt that write the summary, the transcript's speaker prefixes and
 * whether system messages stay verbatim. Kept once here so both builders offer them alike.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 */
abstract class SummarizingBuilder<B extends SummarizingBuilder<B>> {

    final ChatMessageHistory history;
    final ChatModel model;
    private PromptTemplate prompt = SummaryMemory.DEFAULT_PROMPT;
    private String humanPrefix = ChatMessage.Role.USER.defaultPrefix();
    private String aiPrefix = ChatMessage.Role.AI.defaultPrefix();
    boolean pinSystemMessages;

    SummarizingBuilder(ChatMessageHistory history, ChatModel model) {
        this.history = Objects.requireNonNull(history, "history");
        this.model = Objects.requireNonNull(model, "summary model");
    }

    /**
     * The prompt that asks for the new summary, with {summary} and {new_lines}; default
     * {@link SummaryMemory#DEFAULT_PROMPT}.
     *
     * @param prompt the summary prompt
     * @return this builder
     */
    public B prompt(PromptTemplate prompt) {
        this.prompt = ConversationSummarizer.checked(prompt);
        return self();
    }

    /**
     * The speaker prefixes in the transcript the model reads; default "Human" and "AI".
     *
     * @param humanPrefix the prefix of user messages
     * @param aiPrefix the prefix of AI messages
     * @return this builder
     */
    public B prefixes(String humanPrefix, String aiPrefix) {
        this.humanPrefix = Objects.requireNonNull(humanPrefix, "human prefix");
        this.aiPrefix = Objects.requireNonNull(aiPrefix, "AI prefix");
        return self();
    }

    /**
     * Whether the history's system messages are kept verbatim, first, and never summarised (default
     * false).
     *
     * @param pin true to pin them
     * @return this builder
     */
    public B pinSystemMessages(boolean pin) {
        this.pinSystemMessages = pin;
        return self();
    }

    /** The running summaries these settings describe. */
    RunningSummary runningSummary() {
        return new RunningSummary(new ConversationSummarizer(model, prompt, humanPrefix, aiPrefix), pinSystemMessages);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
