package dev.catena.models;

import dev.catena.core.LanguageModel;
import dev.catena.core.RunConfig;

/**
 * Any text model with its completions cached, keyed on the model's {@code toString()} (model and
 * settings) and the prompt. See {@link CachedChatModel}.
 */
public final class CachedLanguageModel implements LanguageModel {

    private final LanguageModel delegate;
    private final InMemoryCache cache;

    private CachedLanguageModel(LanguageModel delegate, InMemoryCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    public static CachedLanguageModel of(LanguageModel model, InMemoryCache cache) {
        return new CachedLanguageModel(model, cache);
    }

    @Override
    public String complete(String prompt, RunConfig config) {
        String key = delegate + "\u0000" + prompt;
        return cache.lookup(key, String.class).orElseGet(() -> {
            String answer = delegate.complete(prompt, config);
            cache.update(key, answer);
            return answer;
        });
    }

    @Override
    public String name() {
        return delegate.name();
    }
}
