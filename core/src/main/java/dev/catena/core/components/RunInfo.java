package dev.catena.core.components;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What callbacks are told about a run: its id, its parent's id (empty for a root run), the
 * component's name and kind, the tags and metadata from the {@link RunConfig} (plus the
 * component's own {@link Component#runMetadata()}), and when it started.
 *
 * <p>A final class rather than a record so that the parent, which a root run lacks, is read as an
 * {@link Optional}; equality is by value over every field, as a record's would be.
 */
public final class RunInfo {

    /** Metadata key of the model a model run called, e.g. "gpt-4o-mini" (LangChain's name for it). */
    public static final String MODEL_NAME = "ls_model_name";

    /** Metadata key of the provider a model run called, e.g. "OpenAI" (LangChain's name for it). */
    public static final String PROVIDER = "ls_provider";

    private final UUID runId;
    private final UUID parentRunId;
    private final String name;
    private final String kind;
    private final List<String> tags;
    private final Map<String, Object> metadata;
    private final Instant startedAt;

    /**
     * Describes a run; the tags and metadata are copied into immutable collections.
     *
     * @param runId this run's id
     * @param parentRunId the id of the run this one is nested in, or null for a root run
     * @param name the component's name
     * @param kind the component's kind ("chat_model", "prompt", "chain", …)
     * @param tags the tags from the run's config
     * @param metadata the metadata from the run's config and the component
     * @param startedAt when the run started
     */
    public RunInfo(UUID runId, UUID parentRunId, String name, String kind,
                   List<String> tags, Map<String, Object> metadata, Instant startedAt) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.parentRunId = parentRunId;
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.tags = List.copyOf(tags);
        this.metadata = Map.copyOf(metadata);
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** {@return this run's id} */
    public UUID runId() {
        return runId;
    }

    /** {@return the id of the run this one is nested in; empty for a root run} */
    public Optional<UUID> parentRunId() {
        return Optional.ofNullable(parentRunId);
    }

    /** {@return the component's name} */
    public String name() {
        return name;
    }

    /** {@return the component's kind ("chat_model", "prompt", "chain", …)} */
    public String kind() {
        return kind;
    }

    /** {@return the tags from the run's config} */
    public List<String> tags() {
        return tags;
    }

    /** {@return the metadata from the run's config and the component} */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** {@return when the run started} */
    public Instant startedAt() {
        return startedAt;
    }

    /** {@return the model this run called, if its component reported one under {@link #MODEL_NAME}} */
    public Optional<String> modelName() {
        return metadata.get(MODEL_NAME) instanceof String model ? Optional.of(model) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunInfo r && runId.equals(r.runId) && Objects.equals(parentRunId, r.parentRunId)
                && name.equals(r.name) && kind.equals(r.kind) && tags.equals(r.tags)
                && metadata.equals(r.metadata) && startedAt.equals(r.startedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runId, parentRunId, name, kind, tags, metadata, startedAt);
    }

    @Override
    public String toString() {
        return "RunInfo[runId=" + runId + ", parentRunId=" + parentRunId + ", name=" + name + ", kind=" + kind
                + ", tags=" + tags + ", metadata=" + metadata + ", startedAt=" + startedAt + "]";
    }
}
