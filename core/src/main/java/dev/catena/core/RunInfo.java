package dev.catena.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What callbacks are told about a run: its id, its parent's id (null for a root run), the
 * component's name and kind, the tags and metadata from the {@link RunConfig}, and when it started.
 */
public record RunInfo(UUID runId, UUID parentRunId, String name, String kind,
                      List<String> tags, Map<String, Object> metadata, Instant startedAt) {

    public RunInfo {
        tags = List.copyOf(tags);
        metadata = Map.copyOf(metadata);
    }
}
