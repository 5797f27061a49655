package dev.catena.models;

import dev.catena.core.messages.TokenUsage;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The tokens one run reported, as {@link UsageTracker#byRun()} lists them: the run that made the
 * requests (a model call, not the chains around it), its parent run (empty for a root run), its
 * name, the model it called and its usage added up over its reports.
 *
 * <p>A final class rather than a record so that the parent, which a root run lacks, is read as an
 * {@link Optional}; equality is by value over every field.
 */
public final class RunUsage {

    private final UUID runId;
    private final UUID parentRunId;
    private final String name;
    private final String model;
    private final int calls;
    private final TokenUsage usage;

    /**
     * The usage of one run.
     *
     * @param runId the run that made the requests
     * @param parentRunId the run it is nested in, or null for a root run
     * @param name the run's name
     * @param model the model it called
     * @param calls how many usage reports were added up
     * @param usage the tokens, added up
     */
    public RunUsage(UUID runId, UUID parentRunId, String name, String model, int calls, TokenUsage usage) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.parentRunId = parentRunId;
        this.name = Objects.requireNonNull(name, "name");
        this.model = Objects.requireNonNull(model, "model");
        this.calls = calls;
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    /** {@return the run that made the requests} */
    public UUID runId() {
        return runId;
    }

    /** {@return the run it is nested in; empty for a root run} */
    public Optional<UUID> parentRunId() {
        return Optional.ofNullable(parentRunId);
    }

    /** {@return the run's name} */
    public String name() {
        return name;
    }

    /** {@return the model it called} */
    public String model() {
        return model;
    }

    /** {@return how many usage reports were added up} */
    public int calls() {
        return calls;
    }

    /** {@return the tokens, added up over the reports} */
    public TokenUsage usage() {
        return usage;
    }

    /** This run's usage with one more report added. */
    RunUsage plus(RunUsage more) {
        return new RunUsage(runId, parentRunId, name, model, calls + more.calls, usage.plus(more.usage));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunUsage r && runId.equals(r.runId) && Objects.equals(parentRunId, r.parentRunId)
                && name.equals(r.name) && model.equals(r.model) && calls == r.calls && usage.equals(r.usage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runId, parentRunId, name, model, calls, usage);
    }

    @Override
    public String toString() {
        return "RunUsage[runId=" + runId + ", parentRunId=" + parentRunId + ", name=" + name + ", model=" + model
                + ", calls=" + calls + ", usage=" + usage + "]";
    }
}
