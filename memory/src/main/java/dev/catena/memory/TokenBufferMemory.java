package dev.catena.memory;

import dev.catena.core.components.RunConfig;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.TokenCounter;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Keeps the newest messages that fit a token budget (LangChain's {@code ConversationTokenBufferMemory},
 * default 2,000 tokens). A message costs what {@link TokenCounter#count(ChatMessage)} says it costs
 * in a chat request, framing included; the window's messages together never cost more than
 * {@code maxTokens}, and the next older message would not have fitted.
 *
 * <p>Each message is counted once: the memory remembers the counts of every session it has read, so
 * a turn counts only the messages added since the last one and picks the window by walking back
 * from the newest message. A 10,000-message conversation costs the same tokenizer work per turn as
 * a 10-message one. (Reading the history itself is the store's cost.)
 *
 * <p>The window never starts with a tool result cut off from its tool call. With
 * {@code pinSystemMessages} the history's system messages are always kept, first, and count
 * against the budget.
 *
 * <pre>{@code
 * ChatMemory memory = TokenBufferMemory.builder(history)
 *         .maxTokens(3000)
 *         .tokenCounter(TokenCounter.forModel("gpt-4o"))
 *         .build();
 * }</pre>
 */
public final class TokenBufferMemory implements ChatMemory {

    /** LangChain's default budget. */
    public static final int DEFAULT_MAX_TOKENS = 2000;

    private final ChatMessageHistory history;
    private final int maxTokens;
    private final boolean pinSystemMessages;
    private final MessageTokenCache tokens;

    private TokenBufferMemory(Builder b) {
        this.history = b.history;
        this.maxTokens = b.maxTokens;
        this.pinSystemMessages = b.pinSystemMessages;
        this.tokens = new MessageTokenCache(b.messageTokens != null ? b.messageTokens : b.counter::count);
    }

    /**
     * Settings for a token-buffer memory over this history.
     *
     * @param history where the messages are
     * @return the settings
     */
    public static Builder builder(ChatMessageHistory history) {
        return new Builder(history);
    }

    @Override
    public ChatMessageHistory history() {
        return history;
    }

    /** {@return the budget, in tokens} */
    public int maxTokens() {
        return maxTokens;
    }

    @Override
    public List<ChatMessage> messages(String sessionId, RunConfig config) {
        List<ChatMessage> all = history.messages(sessionId);
        return Collections.unmodifiableList(window(sessionId, all, 0).messages(all, pinSystemMessages));
    }

    /** The newest messages of {@code all} (a session's history) from index {@code from} on that fit the budget. */
    TokenWindow window(String sessionId, List<ChatMessage> all, int from) {
        return TokenWindow.select(all, tokens.counts(sessionId, all), from, maxTokens, pinSystemMessages);
    }

    @Override
    public void clear(String sessionId) {
        history.clear(sessionId);
        tokens.forget(sessionId);
    }

    /** Settings of a {@link TokenBufferMemory}. */
    public static final class Builder {
        private final ChatMessageHistory history;
        private int maxTokens = DEFAULT_MAX_TOKENS;
        private TokenCounter counter = TokenCounter.of("o200k_base");
        private ToIntFunction<ChatMessage> messageTokens;
        private boolean pinSystemMessages;

        private Builder(ChatMessageHistory history) {
            this.history = Objects.requireNonNull(history, "history");
        }

        /**
         * The budget; default {@value TokenBufferMemory#DEFAULT_MAX_TOKENS}.
         *
         * @param maxTokens the budget, in tokens
         * @return this builder
         */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = TokenWindow.checkedBudget(maxTokens);
            return this;
        }

        /**
         * The tokenizer of the model the prompt goes to; default o200k_base (gpt-4o and later).
         *
         * @param counter the tokenizer
         * @return this builder
         */
        public Builder tokenCounter(TokenCounter counter) {
            this.counter = Objects.requireNonNull(counter, "token counter");
            return this;
        }

        /**
         * Another way to count a message's tokens (a provider's own tokenizer), instead of a {@link
         * TokenCounter}.
         *
         * @param messageTokens the tokens of one message
         * @return this builder
         */
        public Builder messageTokens(ToIntFunction<ChatMessage> messageTokens) {
            this.messageTokens = Objects.requireNonNull(messageTokens, "message token counter");
            return this;
        }

        /**
         * Whether the history's system messages are always kept (default false).
         *
         * @param pin true to keep them
         * @return this builder
         */
        public Builder pinSystemMessages(boolean pin) {
            this.pinSystemMessages = pin;
            return this;
        }

        /** {@return the memory with these settings} */
        public TokenBufferMemory build() {
            return new TokenBufferMemory(this);
        }
    }
}
