package dev.catena.models.internal;

import java.util.ArrayDeque;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Turns a provider's event stream into a lazy Java stream of chunks: the HTTP call is made when
 * the first chunk is pulled, each event is decoded into zero or more chunks, and closing the Java
 * stream cancels the call.
 */
public final class EventStreams {

    /** Decodes one provider's events; one instance per call (it keeps the call's state). */
    public interface Decoder<T> {
        /**
         * Handles one event, emitting chunks; returns false when the stream is complete ({@code [DONE]}).
         * An event of the wrong shape is a {@link MalformedResponse}.
         */
        boolean onEvent(SseEvent event, OpenStream stream, Consumer<T> out);

        /** The server closed the stream; emit the last chunks, or throw if the answer is incomplete. */
        void onEnd(OpenStream stream, Consumer<T> out);
    }

    private EventStreams() {
    }

    public static <T> Stream<T> stream(Supplier<OpenStream> opener, Decoder<T> decoder) {
        Chunks<T> chunks = new Chunks<>(opener, decoder);
        return StreamSupport.stream(chunks, false).onClose(chunks::close);
    }

    private static final class Chunks<T> extends Spliterators.AbstractSpliterator<T> {
        private final Supplier<OpenStream> opener;
        private final Decoder<T> decoder;
        private final ArrayDeque<T> ready = new ArrayDeque<>();
        private OpenStream open;
        private boolean ended;

        Chunks(Supplier<OpenStream> opener, Decoder<T> decoder) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.opener = opener;
            this.decoder = decoder;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            try {
                while (ready.isEmpty() && !ended) {
                    if (open == null) {
                        open = opener.get();
                    }
                    SseEvent event = open.next();
                    try {
                        if (event == null) {
                            ended = true;
                            decoder.onEnd(open, ready::add);
                        } else if (!decoder.onEvent(event, open, ready::add)) {
                            ended = true;
                        }
                    } catch (MalformedResponse e) {
                        throw open.invalid(e, event);
                    }
                    if (ended) {
                        open.close();
                    }
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            T next = ready.poll();
            if (next == null) {
                return false;
            }
            action.accept(next);
            return true;
        }

        void close() {
            ended = true;
            if (open != null) {
                open.close();
            }
        }
    }
}
