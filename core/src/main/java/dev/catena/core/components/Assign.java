package dev.catena.core.components;

import java.util.LinkedHashMap;
import java.util.Map;

/** Passes the input map through with extra entries computed from it (LCEL's {@code RunnablePassthrough.assign}). */
final class Assign implements Component<Map<String, Object>, Map<String, Object>> {

    private final ParallelMap<Map<String, Object>> branches;

    Assign(Map<String, ? extends Component<? super Map<String, Object>, ?>> branches) {
        this.branches = new ParallelMap<>(branches);
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        Map<String, Object> result = new LinkedHashMap<>(input);
        result.putAll(branches.call(input, config));
        return result;
    }

    @Override
    public String name() {
        return "Assign";
    }

    @Override
    public String kind() {
        return "chain";
    }
}
