package dev.catena.core.components;

import java.util.Objects;
import java.util.function.Function;

/** A plain Java function used as a component. */
final class FunctionComponent<I, O> implements Component<I, O> {

    private final String name;
    private final Function<? super I, ? extends O> function;

    FunctionComponent(String name, Function<? super I, ? extends O> function) {
        this.function = Objects.requireNonNull(function, "function");
        this.name = name != null ? name : "Function";
    }

    @Override
    public O call(I input, RunConfig config) {
        return function.apply(input);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "function";
    }
}
