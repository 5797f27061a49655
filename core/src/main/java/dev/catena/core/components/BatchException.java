package dev.catena.core.components;

import dev.catena.core.CatenaException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Thrown by {@link Component#batch} when one or more inputs failed. The other inputs were still
 * run to the end; their results are kept in {@link #results()} (null where an input failed).
 */
public class BatchException extends CatenaException {

    /** The index of the first input that failed. */
    private final int index;
    private final transient List<Object> results;
    /** Every failure by input index. */
    private final Map<Integer, Throwable> failures;

    /**
     * A batch with at least one failed input; the first failure (by index) becomes the cause and the others
     * are suppressed.
     *
     * @param failures the failures by input index; must not be empty
     * @param results the results in input order, null where the input failed
     */
    public BatchException(Map<Integer, Throwable> failures, List<Object> results) {
        super(describe(failures), failures.values().iterator().next());
        this.failures = Map.copyOf(failures);
        this.index = failures.keySet().stream().min(Integer::compare).orElseThrow();
        this.results = Collections.unmodifiableList(results);
        failures.forEach((i, e) -> {
            if (i != index) {
                addSuppressed(e);
            }
        });
    }

    private static String describe(Map<Integer, Throwable> failures) {
        int first = failures.keySet().stream().min(Integer::compare).orElseThrow();
        Throwable cause = failures.get(first);
        return "batch input #" + first + " failed" + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "")
                + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** {@return the index of the first input that failed} */
    public int index() {
        return index;
    }

    /** {@return every failure by input index} */
    public Map<Integer, Throwable> failures() {
        return failures;
    }

    /** {@return the results in input order, null where the input failed} */
    public List<Object> results() {
        return results;
    }
}
