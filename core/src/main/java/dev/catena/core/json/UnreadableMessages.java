package dev.catena.core.json;

import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * What a reader of many messages (a JSON array, a chat history) does with one it cannot read: the
 * caller's choice between failing the whole read ({@link #FAIL}) and reporting the message and
 * reading on ({@link #SKIP}, {@link #skip(Consumer)}), so one bad entry need not make a whole
 * history unreadable.
 *
 * <pre>{@code
 * List<UnreadableMessage> bad = new ArrayList<>();
 * List<ChatMessage> readable = MessageJson.readLangChain(json, UnreadableMessages.skip(bad::add));
 * }</pre>
 */
@FunctionalInterface
public interface UnreadableMessages {

    /** Fails the whole read with the message's error. */
    UnreadableMessages FAIL = unreadable -> {
        throw unreadable.error();
    };

    /** Skips the message and logs a warning naming it and the reason (through SLF4J). */
    UnreadableMessages SKIP = unreadable -> LoggerFactory.getLogger(UnreadableMessages.class).warn(
            "Skipping unreadable message #{}: {}", unreadable.position(), unreadable.reason());

    /**
     * Called once per message that cannot be read, in order: return to skip it and read on, throw
     * to fail the read.
     *
     * @param message the message that could not be read, with its position and the error
     */
    void unreadable(UnreadableMessage message);

    /**
     * Skips each unreadable message after handing it to {@code report}.
     *
     * @param report receives each unreadable message, in order
     * @return a choice that reports and skips
     */
    static UnreadableMessages skip(Consumer<UnreadableMessage> report) {
        Objects.requireNonNull(report, "report");
        return report::accept;
    }
}
