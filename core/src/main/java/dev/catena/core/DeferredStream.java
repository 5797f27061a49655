package dev.catena.core;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A stream whose source is made only when the first element is pulled, and then pulled one element
 * at a time. Unlike {@code Stream.of(x).flatMap(...)}, which pushes the whole inner stream into a
 * buffer as soon as a spliterator pulls from it, this keeps streaming lazy end to end, so chunks
 * pass through a pipe as they arrive and closing the outer stream stops the inner work.
 */
final class DeferredStream<T> extends Spliterators.AbstractSpliterator<T> {

    private final Supplier<? extends Stream<T>> supplier;
    private Stream<T> inner;
    private Spliterator<T> source;
    private boolean closed;

    private DeferredStream(Supplier<? extends Stream<T>> supplier) {
        super(Long.MAX_VALUE, Spliterator.ORDERED);
        this.supplier = supplier;
    }

    static <T> Stream<T> of(Supplier<? extends Stream<T>> supplier) {
        DeferredStream<T> deferred = new DeferredStream<>(supplier);
        return StreamSupport.stream(deferred, false).onClose(deferred::close);
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (closed) {
            return false;
        }
        if (source == null) {
            inner = supplier.get();
            source = inner.spliterator();
        }
        return source.tryAdvance(action);
    }

    private void close() {
        closed = true;
        if (inner != null) {
            inner.close();
        }
    }
}
