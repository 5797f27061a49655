package dev.catena.models;

import dev.catena.core.components.RunConfig;
import dev.catena.core.models.LanguageModel;
import java.util.Map;

/**
 * Any text model with its completions cached, keyed on the model's name and run metadata (its
 * provider, model and generation settings) and the prompt. See {@link CachedChatModel}.
 */
public final class CachedLanguageModel implements LanguageModel {

    private final LanguageModel delegate;
    private final InMemoryCache cache;

    private CachedLanguageModel(LanguageModel delegate, InMemoryCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    /**
     * {@return the model with its completions kept in (and served from) this cache, which other models may
     * share}
     *
     * @param model the model whose completions are cached
     * @param cache where completions are kept
     */
    public static CachedLanguageModel of(LanguageModel model, InMemoryCache cache) {
        return new CachedLanguageModel(model, cache);
    }

    @Override
    public String complete(String prompt, RunConfig config) {
        String key = CacheKey.of(delegate, Map.of("prompt", prompt));
        return cache.getOrCompute(key, String.class, () -> delegate.complete(prompt, config));
    }

    @Override
    public Map<String, Object> runMetadata() {
        return delegate.runMetadata();
    }

    @Override
    public String name() {
        return delegate.name();
    }
}
