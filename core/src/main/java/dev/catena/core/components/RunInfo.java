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
 */
public record RunInfo(UUID runId, UUID parentRunId, String name, String kind,
                      List<String> tags, Map<String, Object> metadata, Instant startedAt) {

    /** Metadata key of the model a model run called, e.g. "gpt-4o-mini" (LangChain's name for it). */
    public static final String MODEL_NAME = "ls_model_name";

    /** Metadata key of the provider a model run called, e.g. "OpenAI" (LangChain's name for it). */
    public static final String PROVIDER = "ls_provider";

    public RunInfo {
        tags = List.copyOf(tags);
        metadata = Map.copyOf(metadata);
    }

    /** The model this run called, if its component reported one under {@link #MODEL_NAME}. */
    public Optional<String> modelName() {
        return metadata.get(MODEL_NAME) instanceof String name ? Optional.of(name) : Optional.empty();
    }
}
