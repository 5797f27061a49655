package dev.catena.memory;

import dev.catena.core.ChatMessage;
import dev.catena.core.ChatMessageHistory;
import dev.catena.core.ChatModel;
import dev.catena.core.RunConfig;
import dev.catena.core.SystemMessage;
import dev.catena.prompts.PromptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Replaces the conversation with a running summary that a model keeps up to date (LangChain's
 * {@code ConversationSummaryMemory}): {@link #messages} returns one {@link SystemMessage} holding
 * the summary. Messages added since the last read are folded in with one model call using a
 * visible, overridable {@link PromptTemplate}; the call is a traced run under the caller's
 * {@link RunConfig}.
 *
 * <p>The summary is derived from the history, not stored: a new process summarises the whole
 * history once on its first read, then only new messages. With {@code pinSystemMessages} the
 * history's system messages are kept verbatim, before the summary, and not summarised.
 *
 * <pre>{@code
 * ChatMemory memory = SummaryMemory.builder(history, model).build();
 * }</pre>
 */
public final class SummaryMemory implements ChatMemory {

    /**
     * The default summary prompt: {@code {summary}} is the summary so far (empty at first) and
     * {@code {new_lines}} the messages to fold in as a {@code Human: …\nAI: …} transcript. It is sent
     * to the model as one user message.
     */
    public static final PromptTemplate DEFAULT_PROMPT = PromptTemplate.fromTemplate("""
            You keep a running summary of a conversation. Below are the summary so far and the lines \
            spoken since. Write an updated summary that keeps what the summary so far says and adds what \
            the new lines tell. Reply with the summary only.

            Summary so far:
            {summary}

            New lines:
            {new_lines}

            Updated summary:""");

    private final ChatMessageHistory history;
    private final ConversationSummarizer summarizer;
    private final boolean pinSystemMessages;
    private final Map<String, SummaryState> states = new ConcurrentHashMap<>();
    private final SessionLocks locks = new SessionLocks();

    private SummaryMemory(Builder b) {
        this.history = b.history;
        this.summarizer = new ConversationSummarizer(b.model, b.prompt, b.humanPrefix, b.aiPrefix);
        this.pinSystemMessages = b.pinSystemMessages;
    }

    /** Settings for a summary memory over this history, summarising with this model. */
    public static Builder builder(ChatMessageHistory history, ChatModel model) {
        return new Builder(history, model);
    }

    @Override
    public ChatMessageHistory history() {
        return history;
    }

    /** The current summary of a session, brought up to date first (empty for an empty history). */
    public String summary(String sessionId, RunConfig config) {
        return update(sessionId, history.messages(sessionId), config).summary();
    }

    @Override
    public List<ChatMessage> messages(String sessionId, RunConfig config) {
        List<ChatMessage> all = history.messages(sessionId);
        SummaryState state = update(sessionId, all, config);
        List<ChatMessage> result = new ArrayList<>();
        if (pinSystemMessages) {
            all.stream().filter(m -> m instanceof SystemMessage).forEach(result::add);
        }
        if (!state.summary().isEmpty()) {
            result.add(ChatMessage.system(state.summary()));
        }
        return List.copyOf(result);
    }

    @Override
    public void clear(String sessionId) {
        history.clear(sessionId);
        states.remove(sessionId);
    }

    private SummaryState update(String sessionId, List<ChatMessage> all, RunConfig config) {
        ReentrantLock lock = locks.of(sessionId);
        lock.lock();
        try {
            SummaryState state = states.getOrDefault(sessionId, SummaryState.EMPTY).validFor(all);
            List<ChatMessage> fresh = new ArrayList<>();
            for (ChatMessage m : all.subList(state.covered(), all.size())) {
                if (!(pinSystemMessages && m instanceof SystemMessage)) {
                    fresh.add(m);
                }
            }
            if (fresh.isEmpty()) {
                if (state.covered() == all.size()) {
                    return state;
                }
                state = new SummaryState(state.summary(), all.size(), all.get(all.size() - 1));
            } else {
                String summary = summarizer.summarize(state.summary(), fresh, config);
                state = new SummaryState(summary, all.size(), all.get(all.size() - 1));
            }
            states.put(sessionId, state);
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** Settings of a {@link SummaryMemory}. */
    public static final class Builder {
        private final ChatMessageHistory history;
        private final ChatModel model;
        private PromptTemplate prompt = SummaryMemory.DEFAULT_PROMPT;
        private String humanPrefix = ChatMessage.Role.USER.defaultPrefix();
        private String aiPrefix = ChatMessage.Role.AI.defaultPrefix();
        private boolean pinSystemMessages;

        private Builder(ChatMessageHistory history, ChatModel model) {
            this.history = Objects.requireNonNull(history, "history");
            this.model = Objects.requireNonNull(model, "summary model");
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

        /** Whether the history's system messages are kept verbatim instead of summarised (default false). */
        public Builder pinSystemMessages(boolean pin) {
            this.pinSystemMessages = pin;
            return this;
        }

        public SummaryMemory build() {
            return new SummaryMemory(this);
        }
    }
}
