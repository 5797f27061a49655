package dev.catena.core.messages;

/**
 * A streamed chunk that can be combined with the chunk after it, so a stream of chunks adds up to
 * the whole value (as LangChain's {@code AIMessageChunk} does with {@code +}).
 *
 * @param <T> the chunk type
 */
public interface Mergeable<T> {

    /**
     * {@return this chunk followed by {@code next}}
     *
     * @param next the chunk that came after this one
     */
    T merge(T next);
}
