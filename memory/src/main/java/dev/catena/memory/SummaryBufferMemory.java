package dev.catena.memory;

import dev.catena.core.ChatMessage;
import dev.catena.core.ChatMessageHistory;
import dev.catena.core.ChatModel;
import dev.catena.core.RunConfig;
import dev.catena.core.SystemMessage;
import dev.catena.prompts.PromptTemplate;
import dev.catena.core.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

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

    private final ChatMessageHistory history;
    private final ConversationSummarizer summarizer;
    private final int maxTokens;
    private final boolean pinSystemMessages;
    private final MessageTokenCache tokens;
    private final Map<String, SummaryState> states = new ConcurrentHashMap<>();
    private final SessionLocks locks = new SessionLocks();

    private SummaryBufferMemory(Builder b) {
        this.history = b.history;
        this.summarizer = new ConversationSummarizer(b.model, b.prompt, b.humanPrefix, b.aiPrefix);
        this.maxTokens = b.maxTokens;
        this.pinSystemMessages = b.pinSystemMessages;
        this.tokens = new MessageTokenCache(b.counter::count);
    }

    /** Settings for a summary-buffer memory over this history, summarising with this model. */
    public static Builder builder(ChatMessageHistory history, ChatModel model) {
        return new Builder(history, model);
    }

    @Override
    public ChatMessageHistory history() {
        return history;
    }

    @Override
    public List<ChatMessage> messages(String sessionId, RunConfig config) {
        List<ChatMessage> all = history.messages(sessionId);
        int[] counts = tokens.counts(sessionId, all);
        ReentrantLock lock = locks.of(sessionId);
        lock.lock();
        try {
            SummaryState state = states.getOrDefault(sessionId, SummaryState.EMPTY).validFor(all);
            TokenWindow window = TokenWindow.select(all, counts, state.covered(), maxTokens, pinSystemMessages);
            if (window.start() > state.covered()) {
                List<ChatMessage> leaving = new ArrayList<>();
                for (ChatMessage m : all.subList(state.covered(), window.start())) {
                    if (!(pinSystemMessages && m instanceof SystemMessage)) {
                        leaving.add(m);
                    }
                }
                String summary = leaving.isEmpty() ? state.summary() : summarizer.summarize(state.summary(), leaving, config);
                state = new SummaryState(summary, window.start(), all.get(window.start() - 1));
                states.put(sessionId, state);
            }
            List<ChatMessage> result = new ArrayList<>(window.pinned());
            if (!state.summary().isEmpty()) {
                result.add(ChatMessage.system(state.summary()));
            }
            List<ChatMessage> recent = window.messages(all, pinSystemMessages);
            result.addAll(recent.subList(window.pinned().size(), recent.size()));
            return List.copyOf(result);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear(String sessionId) {
        history.clear(sessionId);
        states.remove(sessionId);
        tokens.forget(sessionId);
    }

    /** Settings of a {@link SummaryBufferMemory}. */
    public static final class Builder {
        private final ChatMessageHistory history;
        private final ChatModel model;
        private int maxTokens = TokenBufferMemory.DEFAULT_MAX_TOKENS;
        private TokenCounter counter = TokenCounter.of("o200k_base");
        private PromptTemplate prompt = SummaryMemory.DEFAULT_PROMPT;
        private String humanPrefix = ChatMessage.Role.USER.defaultPrefix();
        private String aiPrefix = ChatMessage.Role.AI.defaultPrefix();
        private boolean pinSystemMessages;

        private Builder(ChatMessageHistory history, ChatModel model) {
            this.history = Objects.requireNonNull(history, "history");
            this.model = Objects.requireNonNull(model, "summary model");
        }

        /** The budget for verbatim messages; default {@value TokenBufferMemory#DEFAULT_MAX_TOKENS}. */
        public Builder maxTokens(int maxTokens) {
            if (maxTokens < 0) {
                throw new IllegalArgumentException("maxTokens must be 0 or more, got " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        /** The tokenizer of the model the prompt goes to; default o200k_base. */
        public Builder tokenCounter(TokenCounter counter) {
            this.counter = Objects.requireNonNull(counter, "token counter");
            return this;
        }

        /** The prompt that asks for the new summary, with {summary} and {new_lines}; default {@link SummaryMemory#DEFAULT_PROMPT}. */
        public Builder prompt(PromptTemplate prompt) {
            this.prompt = ConversationSummarizer.checked(prompt);
            return this;
        }

        /** The speaker prefixes in the transcript the model reads; default "Human" and "AI". */
        public Builder prefixes(String humanPrefix, String aiPrefix) {
            this.humanPrefix = Objects.requireNonNull(humanPrefix, "human prefix");
            this.aiPrefix = Objects.requireNonNull(aiPrefix, "AI prefix");
            return this;
        }

        /** Whether the history's system messages are always kept verbatim (default false). */
        public Builder pinSystemMessages(boolean pin) {
            this.pinSystemMessages = pin;
            return this;
        }

        public SummaryBufferMemory build() {
            return new SummaryBufferMemory(this);
        }
    }
}
