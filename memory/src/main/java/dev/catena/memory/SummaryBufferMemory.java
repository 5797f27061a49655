package dev.catena.memory;

import dev.catena.core.components.RunConfig;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.TokenCounter;
import dev.catena.prompts.PromptTemplate;
import java.util.ArrayList;
import java.util.List;

/**
 * Recent messages verbatim within a token budget, older ones folded into a running summary by a
 * model (LangChain's {@code ConversationSummaryBufferMemory}, default budget 2,000 tokens):
 * {@link #messages} returns a {@link SystemMessage} with the summary (once there is one), then the
 * newest messages that fit {@code maxTokens} (the summary does not count against it, as in
 * LangChain). Messages that fall out of the window are summarised with one model call using a
 * visible, overridable {@link PromptTemplate}, traced under the caller's {@link RunConfig}.
 *
 * <p>Token counts are computed once per message, as in {@link TokenBufferMemory}. The summary is
 * derived from the history: a new process rebuilds it with one call on its first read. With
 * {@code pinSystemMessages} the history's system messages are kept verbatim, first.
 *
 * <pre>{@code
 * ChatMemory memory = SummaryBufferMemory.builder(history, model).maxTokens(1000).build();
 * }</pre>
 */
public final class SummaryBufferMemory implements ChatMemory {

    private final TokenBufferMemory recent;
    private final RunningSummary summaries;

    private SummaryBufferMemory(Builder b) {
        this.recent = b.recent.pinSystemMessages(b.pinSystemMessages).build();
        this.summaries = b.runningSummary();
    }

    /**
     * Settings for a summary-buffer memory over this history, summarising with this model.
     *
     * @param history where the messages are
     * @param model writes the summaries
     * @return the settings
     */
    public static Builder builder(ChatMessageHistory history, ChatModel model) {
        return new Builder(history, model);
    }

    @Override
    public ChatMessageHistory history() {
        return recent.history();
    }

    @Override
    public List<ChatMessage> messages(String sessionId, RunConfig config) {
        List<ChatMessage> all = recent.history().messages(sessionId);
        // Whatever is older than the token window (and not yet summarised) is folded into the summary.
        SummaryState state = summaries.advance(sessionId, all,
                covered -> recent.window(sessionId, all, covered).start(), config);
        TokenWindow window = recent.window(sessionId, all, state.covered());
        List<ChatMessage> result = new ArrayList<>(window.pinned());
        if (!state.summary().isEmpty()) {
            result.add(ChatMessage.system(state.summary()));
        }
        List<ChatMessage> verbatim = window.messages(all, summaries.pinSystemMessages());
        result.addAll(verbatim.subList(window.pinned().size(), verbatim.size()));
        return List.copyOf(result);
    }

    @Override
    public void clear(String sessionId) {
        recent.clear(sessionId);
        summaries.forget(sessionId);
    }

    /**
     * Settings of a {@link SummaryBufferMemory}: the token budget and tokenizer of the verbatim
     * part, and {@code prompt}, {@code prefixes} and {@code pinSystemMessages} (system messages kept
     * verbatim, first; they count against the budget).
     */
    public static final class Builder extends SummarizingBuilder<Builder> {
        private final TokenBufferMemory.Builder recent;

        private Builder(ChatMessageHistory history, ChatModel model) {
            super(history, model);
            this.recent = TokenBufferMemory.builder(history);
        }

        /**
         * The budget for verbatim messages; default {@value TokenBufferMemory#DEFAULT_MAX_TOKENS}.
         *
         * @param maxTokens the budget, in tokens
         * @return this builder
         */
        public Builder maxTokens(int maxTokens) {
            recent.maxTokens(maxTokens);
            return this;
        }

        /**
         * The tokenizer of the model the prompt goes to; default o200k_base.
         *
         * @param counter the tokenizer
         * @return this builder
         */
        public Builder tokenCounter(TokenCounter counter) {
            recent.tokenCounter(counter);
            return this;
        }

        /** {@return the memory with these settings} */
        public SummaryBufferMemory build() {
            return new SummaryBufferMemory(this);
        }
    }
}
