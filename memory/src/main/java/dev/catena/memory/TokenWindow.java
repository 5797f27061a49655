package dev.catena.memory;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.ToolMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest messages of a history that fit a token budget, chosen from counts already known, so
 * choosing costs the size of the window (plus a scan for system messages when they are pinned),
 * not the size of the history.
 *
 * @param pinned the history's system messages, kept whatever the budget (empty unless pinned)
 * @param start  the index of the oldest message in the window; older ones are left out
 * @param tokens the tokens of pinned and window messages together
 */
record TokenWindow(List<ChatMessage> pinned, int start, int tokens) {

    /** A token budget as given to a builder, checked: 0 or more. */
    static int checkedBudget(int maxTokens) {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be 0 or more, got " + maxTokens);
        }
        return maxTokens;
    }

    static TokenWindow select(List<ChatMessage> all, int[] counts, int from, int maxTokens, boolean pinSystem) {
        List<ChatMessage> pinned = new ArrayList<>();
        int used = 0;
        if (pinSystem) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i) instanceof SystemMessage) {
                    pinned.add(all.get(i));
                    used += counts[i];
                }
            }
        }
        int start = all.size();
        for (int i = all.size() - 1; i >= from; i--) {
            if (pinSystem && all.get(i) instanceof SystemMessage) {
                continue;
            }
            if (used + counts[i] > maxTokens) {
                break;
            }
            used += counts[i];
            start = i;
        }
        // A tool result whose tool call fell out of the window would be rejected by the model.
        while (start < all.size() && (all.get(start) instanceof ToolMessage
                || (pinSystem && all.get(start) instanceof SystemMessage))) {
            if (all.get(start) instanceof ToolMessage) {
                used -= counts[start];
            }
            start++;
        }
        return new TokenWindow(List.copyOf(pinned), start, used);
    }

    /** The pinned messages, then the window's (without system messages already pinned). */
    List<ChatMessage> messages(List<ChatMessage> all, boolean pinSystem) {
        List<ChatMessage> result = new ArrayList<>(pinned.size() + all.size() - start);
        result.addAll(pinned);
        for (int i = start; i < all.size(); i++) {
            if (!(pinSystem && all.get(i) instanceof SystemMessage)) {
                result.add(all.get(i));
            }
        }
        return result;
    }
}
