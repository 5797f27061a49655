package dev.catena.models;

import dev.catena.core.messages.TokenUsage;
import java.util.UUID;

/**
 * The tokens one run reported, as {@link UsageTracker#byRun()} lists them: the run that made the
 * requests (a model call, not the chains around it), its parent run (null for a root run), its
 * name, the model it called and its usage added up over its reports.
 */
public record RunUsage(UUID runId, UUID parentRunId, String name, String model, int calls, TokenUsage usage) {

    /** This run's usage with one more report added. */
    RunUsage plus(RunUsage more) {
        return new RunUsage(runId, parentRunId, name, model, calls + more.calls, usage.plus(more.usage));
    }
}
