package dev.catena.memory;

import dev.catena.core.components.RunConfig;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.prompts.PromptTemplate;
import java.util.ArrayList;
import java.util.List;

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
    private final RunningSummary summaries;

    private SummaryMemory(Builder b) {
        this.history = b.history;
        this.summaries = b.runningSummary();
    }

    /**
     * Settings for a summary memory over this history, summarising with this model.
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
        return history;
    }

    /**
     * {@return the current summary of a session, brought up to date first (empty for an empty history)}
     *
     * @param sessionId the conversation
     * @param config the caller's run config; the summary call runs as its child
     */
    public String summary(String sessionId, RunConfig config) {
        List<ChatMessage> all = history.messages(sessionId);
        return summaries.advance(sessionId, all, covered -> all.size(), config).summary();
    }

    @Override
    public List<ChatMessage> messages(String sessionId, RunConfig config) {
        List<ChatMessage> all = history.messages(sessionId);
        SummaryState state = summaries.advance(sessionId, all, covered -> all.size(), config);
        List<ChatMessage> result = new ArrayList<>(summaries.pinned(all));
        if (!state.summary().isEmpty()) {
            result.add(ChatMessage.system(state.summary()));
        }
        return List.copyOf(result);
    }

    @Override
    public void clear(String sessionId) {
        history.clear(sessionId);
        summaries.forget(sessionId);
    }

    /**
     * Settings of a {@link SummaryMemory}: {@code prompt}, {@code prefixes} and
     * {@code pinSystemMessages} (system messages kept verbatim, before the summary).
     */
    public static final class Builder extends SummarizingBuilder<Builder> {

        private Builder(ChatMessageHistory history, ChatModel model) {
            super(history, model);
        }

        /** {@return the memory with these settings} */
        public SummaryMemory build() {
            return new SummaryMemory(this);
        }
    }
}
