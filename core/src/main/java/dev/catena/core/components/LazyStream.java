package dev.catena.core.components;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream that opens its source on the first pull and closes it when closed, so closing a
 * composed stream reaches the work underneath (unlike {@code flatMap}, which leaves a half-read
 * inner stream open when the outer one is closed).
 */
final class LazyStream {

    private LazyStream() {
    }

    static <T> Stream<T> of(Supplier<Stream<T>> source) {
        Opener<T> opener = new Opener<>(source);
        return StreamSupport.stream(opener, false).onClose(opener::close);
    }

    private static final class Opener<T> extends Spliterators.AbstractSpliterator<T> {
        private final Supplier<Stream<T>> source;
        private Stream<T> stream;
        private Spliterator<T> spliterator;
        private boolean closed;

        Opener(Supplier<Stream<T>> source) {
            super(Long.MAX_VALUE, Spliterator.ORDERED);
            this.source = source;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (closed) {
                return false;
            }
            if (stream == null) {
                stream = source.get();
                spliterator = stream.spliterator();
            }
            return spliterator.tryAdvance(action);
        }

        void close() {
            closed = true;
            if (stream != null) {
                stream.close();
            }
        }
    }
}
