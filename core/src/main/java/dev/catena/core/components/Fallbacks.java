package dev.catena.core.components;

import java.util.ArrayList;
import java.util.List;

/** A component that, when it fails, tries other components with the same input in order. */
final class Fallbacks<I, O> implements Component<I, O> {

    private final List<Component<? super I, ? extends O>> candidates;

    Fallbacks(Component<I, O> primary, List<Component<? super I, ? extends O>> fallbacks) {
        if (fallbacks.isEmpty()) {
            throw new IllegalArgumentException("withFallbacks needs at least one fallback component");
        }
        List<Component<? super I, ? extends O>> all = new ArrayList<>();
        all.add(primary);
        all.addAll(fallbacks);
        this.candidates = List.copyOf(all);
    }

    @Override
    public O call(I input, RunConfig config) {
        List<RuntimeException> failures = new ArrayList<>();
        for (Component<? super I, ? extends O> candidate : candidates) {
            try {
                return candidate.invoke(input, config);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        RuntimeException last = failures.get(failures.size() - 1);
        for (int i = 0; i < failures.size() - 1; i++) {
            if (failures.get(i) != last) { // a shared exception instance cannot suppress itself
                last.addSuppressed(failures.get(i));
            }
        }
        throw last;
    }

    @Override
    public String name() {
        return "WithFallbacks(" + candidates.get(0).name() + ")";
    }

    @Override
    public String kind() {
        // A control-flow run around the real one: reporting the delegate's kind would make
        // usage trackers count a model call twice (once here, once in the child run).
        return "chain";
    }
}
