package dev.catena.memory;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntUnaryOperator;

/**
 * The running summary of each session of a history, folded forward by a model as messages leave
 * the verbatim part of the prompt. Shared by {@link SummaryMemory} (everything is summarised) and
 * {@link SummaryBufferMemory} (what falls out of the token window is). The summary is derived from
 * the history, not stored: a new process rebuilds it with one call on its first read.
 */
final class RunningSummary {

    private final ConversationSummarizer summarizer;
    private final boolean pinSystemMessages;
    private final Map<String, SummaryState> states = new ConcurrentHashMap<>();
    private final SessionLocks locks = new SessionLocks();

    RunningSummary(ConversationSummarizer summarizer, boolean pinSystemMessages) {
        this.summarizer = summarizer;
        this.pinSystemMessages = pinSystemMessages;
    }

    /**
     * Brings a session's summary up to date: it then covers the oldest {@code end} messages of
     * {@code all}, where {@code end} is computed from how many the valid summary so far covers
     * (never fewer). Pinned system messages are skipped, not summarised. At most one model call;
     * none when no new message needs folding in.
     */
    SummaryState advance(String sessionId, List<ChatMessage> all, IntUnaryOperator end, RunConfig config) {
        ReentrantLock lock = locks.of(sessionId);
        lock.lock();
        try {
            SummaryState state = states.getOrDefault(sessionId, SummaryState.EMPTY).validFor(all);
            int upTo = end.applyAsInt(state.covered());
            if (upTo <= state.covered()) {
                return state;
            }
            List<ChatMessage> fresh = new ArrayList<>();
            for (ChatMessage m : all.subList(state.covered(), upTo)) {
                if (!(pinSystemMessages && m instanceof SystemMessage)) {
                    fresh.add(m);
                }
            }
            String summary = fresh.isEmpty() ? state.summary() : summarizer.summarize(state.summary(), fresh, config);
            state = new SummaryState(summary, upTo, all.get(upTo - 1));
            states.put(sessionId, state);
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** The history's system messages when they are pinned, else none. */
    List<ChatMessage> pinned(List<ChatMessage> all) {
        return pinSystemMessages ? all.stream().filter(m -> m instanceof SystemMessage).toList() : List.of();
    }

    boolean pinSystemMessages() {
        return pinSystemMessages;
    }

    void forget(String sessionId) {
        states.remove(sessionId);
    }
}
