package dev.catena.core.components;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Components run one after another, each output the next input (LCEL's {@code RunnableSequence}). */
final class Sequence<I, O> implements Component<I, O> {

    private final List<Component<Object, Object>> steps;

    private Sequence(List<Component<Object, Object>> steps) {
        this.steps = List.copyOf(steps);
    }

    @SuppressWarnings("unchecked")
    static <I, M, O> Sequence<I, O> of(Component<I, M> first, Component<? super M, ? extends O> next) {
        List<Component<Object, Object>> steps = new ArrayList<>();
        for (Component<?, ?> c : List.of(first, next)) {
            if (c instanceof Sequence<?, ?> s) {
                steps.addAll(s.steps); // a flat sequence traces as one chain, not nested chains
            } else {
                steps.add((Component<Object, Object>) c);
            }
        }
        return new Sequence<>(steps);
    }

    @Override
    @SuppressWarnings("unchecked")
    public O call(I input, RunConfig config) {
        Object value = input;
        for (Component<Object, Object> step : steps) {
            value = step.invoke(value, config);
        }
        return (O) value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Stream<O> callStream(I input, RunConfig config) {
        Stream<Object> chunks = steps.get(0).stream(input, config);
        for (int i = 1; i < steps.size(); i++) {
            chunks = steps.get(i).transform(chunks, config);
        }
        return (Stream<O>) chunks;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Stream<O> callTransform(Stream<I> inputs, RunConfig config) {
        Stream<Object> chunks = (Stream<Object>) inputs;
        for (Component<Object, Object> step : steps) {
            chunks = step.transform(chunks, config);
        }
        return (Stream<O>) chunks;
    }

    @Override
    public String name() {
        return "Sequence";
    }

    @Override
    public String kind() {
        return "chain";
    }

    /** The steps, for inspection and tests. */
    List<Component<Object, Object>> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return steps.stream().map(Component::name).collect(Collectors.joining(" | "));
    }
}
