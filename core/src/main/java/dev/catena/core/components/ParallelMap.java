package dev.catena.core.components;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs several components on one input concurrently and collects their outputs by key (LCEL's {@code RunnableParallel}). */
final class ParallelMap<I> implements Component<I, Map<String, Object>> {

    private final List<String> keys;
    private final List<Component<? super I, ?>> branches;

    ParallelMap(Map<String, ? extends Component<? super I, ?>> branches) {
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("a parallel component needs at least one branch");
        }
        this.keys = new ArrayList<>(branches.keySet());
        this.branches = new ArrayList<>(branches.values());
    }

    @Override
    public Map<String, Object> call(I input, RunConfig config) {
        List<Object> outputs = Batch.runAll(branches.size(), i -> branches.get(i).invoke(input, config), config);
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            result.put(keys.get(i), outputs.get(i));
        }
        return result;
    }

    @Override
    public String name() {
        return "Parallel" + keys;
    }

    @Override
    public String kind() {
        return "chain";
    }
}
