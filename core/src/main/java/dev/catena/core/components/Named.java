package dev.catena.core.components;

import java.util.Map;
import java.util.stream.Stream;

/** A component shown under another name in traces; everything else is the delegate's. */
final class Named<I, O> implements Component<I, O> {

    private final Component<I, O> delegate;
    private final String name;

    Named(Component<I, O> delegate, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a component name must not be blank");
        }
        this.delegate = delegate;
        this.name = name;
    }

    @Override
    public O call(I input, RunConfig config) {
        return delegate.call(input, config);
    }

    @Override
    public Stream<O> callStream(I input, RunConfig config) {
        return delegate.callStream(input, config);
    }

    @Override
    public Stream<O> callTransform(Stream<I> inputs, RunConfig config) {
        return delegate.callTransform(inputs, config);
    }

    @Override
    public Map<String, Object> runMetadata() {
        return delegate.runMetadata();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return delegate.kind();
    }
}
