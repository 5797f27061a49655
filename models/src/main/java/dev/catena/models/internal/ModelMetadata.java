package dev.catena.models.internal;

import dev.catena.core.components.RunInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's run metadata: provider and model name under the {@link RunInfo} keys, then every
 * generation setting that was set, under {@code ls_} and the setting's wire name (LangChain's
 * {@code ls_temperature}, {@code ls_max_tokens}, {@code ls_stop} …). Traces show which settings a
 * call used, and response caches key on them.
 */
public final class ModelMetadata {

    private final Map<String, Object> entries = new LinkedHashMap<>();

    private ModelMetadata(String provider, String model) {
        entries.put(RunInfo.PROVIDER, provider);
        entries.put(RunInfo.MODEL_NAME, model);
    }

    public static ModelMetadata of(String provider, String model) {
        return new ModelMetadata(provider, model);
    }

    /** Adds {@code ls_<wireName>} unless the value is null or empty. */
    public ModelMetadata with(String wireName, Object value) {
        if (value instanceof Map<?, ?> map) {
            value = map.isEmpty() ? null : Collections.unmodifiableMap(new TreeMap<>(map)); // sorted: a stable cache key
        } else if (value instanceof List<?> list && list.isEmpty()) {
            value = null;
        }
        if (value != null) {
            entries.put("ls_" + wireName, value);
        }
        return this;
    }

    public Map<String, Object> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
