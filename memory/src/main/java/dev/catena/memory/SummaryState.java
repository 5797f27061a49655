package dev.catena.memory;

import dev.catena.core.messages.ChatMessage;
import java.util.List;

/**
 * A session's running summary: its text, how many of the oldest history messages it covers, and
 * the last of them, to notice a history that changed other than by growing.
 */
record SummaryState(String summary, int covered, ChatMessage last) {

    static final SummaryState EMPTY = new SummaryState("", 0, null);

    /** This state if it still describes a prefix of {@code history}, else the empty state. */
    SummaryState validFor(List<ChatMessage> history) {
        if (covered > history.size() || (covered > 0 && !history.get(covered - 1).equals(last))) {
            return EMPTY;
        }
        return this;
    }
}
