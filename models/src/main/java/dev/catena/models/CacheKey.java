package dev.catena.models;

import dev.catena.core.components.Component;
import dev.catena.models.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key a response cache stores an answer under, as LangChain's cache keys on the prompt and
 * the model's settings: the model's {@link Component#name() name}, its
 * {@link Component#runMetadata() run metadata} (Catena's clients list provider, model and every
 * generation setting that was set there, never the API key), and the request, written as JSON.
 * A model that reports no metadata is keyed on its name alone: give differently configured models
 * of your own distinct names or metadata.
 */
final class CacheKey {

    private CacheKey() {
    }

    static String of(Component<?, ?> model, Map<String, Object> request) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("model", model.name());
        key.put("settings", new TreeMap<>(model.runMetadata()));
        key.putAll(request);
        return Json.write(key);
    }
}
