package dev.catena.core.components;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What callbacks are told about a run: its id, its parent's id (null for a root run), the
 * component's name and kind, the tags and metadata from the {@link RunConfig} (plus the
 * component's own {@link Component#runMetadata()}), and when it started.
 *
 * @param runId this run's id
 * @param parentRunId the id of the run this one is nested in, or null for a root run
 * @param name the component's name
 * @param kind the component's kind ("chat_model", "prompt", "chain", …)
 * @param tags the tags from the run's config
 * @param metadata the metadata from the run's config and the component
 * @param startedAt when the run started
 */
public record RunInfo(UUID runId, UUID parentRunId, String name, String kind,
                      List<String> tags, Map<String, Object> metadata, Instant startedAt) {

    /** Metadata key of the model a model run called, e.g. "gpt-4o-mini" (LangChain's name for it). */
    public static final String MODEL_NAME = "ls_model_name";

    /** Metadata key of the provider a model run called, e.g. "OpenAI" (LangChain's name for it). */
    public static final String PROVIDER = "ls_provider";

    /**
     * Copies the tags and metadata into immutable collections.
     *
     * @param runId this run's id
     * @param parentRunId the id of the run this one is nested in, or null for a root run
     * @param name the component's name
     * @param kind the component's kind ("chat_model", "prompt", "chain", …)
     * @param tags the tags from the run's config
     * @param metadata the metadata from the run's config and the component
     * @param startedAt when the run started
     */
    public RunInfo {
        tags = List.copyOf(tags);
        metadata = Map.copyOf(metadata);
    }

    /** {@return the model this run called, if its component reported one under {@link #MODEL_NAME}} */
    public Optional<String> modelName() {
        return metadata.get(MODEL_NAME) instanceof String name ? Optional.of(name) : Optional.empty();
    }
}
