package dev.catena.models;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Known models and their limits ({@link ModelInfo}) for OpenAI, Anthropic, DeepSeek, Qwen and GLM,
 * so chains can budget context before calling. Look-ups match the longest known prefix, so dated
 * snapshots ("gpt-4o-2024-08-06") and router names ("openai/gpt-4o") find their family. Register
 * your own models (fine-tunes, local models) with {@link #register}; the figures here are the
 * providers' published limits at the time of writing, so check them for anything critical.
 *
 * <pre>{@code
 * int window = ModelCatalog.lookup("gpt-4o-mini").map(ModelInfo::contextWindow).orElse(8192);
 * ModelCatalog.register(new ModelInfo("qwen3:8b", 40_960, 8_192, "cl100k_base", true, true, false));
 * }</pre>
 */
public final class ModelCatalog {

    private static final Map<String, ModelInfo> MODELS = new ConcurrentHashMap<>();

    static {
        // OpenAI
        add("gpt-5", 400_000, 128_000, "o200k_base", true, true, true);
        add("gpt-4.1", 1_047_576, 32_768, "o200k_base", true, true, true);
        add("gpt-4o", 128_000, 16_384, "o200k_base", true, true, true);
        add("gpt-4o-mini", 128_000, 16_384, "o200k_base", true, true, true);
        add("gpt-4-turbo", 128_000, 4_096, "cl100k_base", true, false, true);
        add("gpt-4", 8_192, 8_192, "cl100k_base", true, false, false);
        add("gpt-3.5-turbo", 16_385, 4_096, "cl100k_base", true, false, false);
        add("gpt-3.5-turbo-instruct", 4_096, 4_096, "cl100k_base", false, false, false);
        add("o1", 200_000, 100_000, "o200k_base", true, true, true);
        add("o3", 200_000, 100_000, "o200k_base", true, true, true);
        add("o3-mini", 200_000, 100_000, "o200k_base", true, true, false);
        add("o4-mini", 200_000, 100_000, "o200k_base", true, true, true);
        add("text-embedding-3-small", 8_191, 1, "cl100k_base", false, false, false);
        add("text-embedding-3-large", 8_191, 1, "cl100k_base", false, false, false);
        add("text-embedding-ada-002", 8_191, 1, "cl100k_base", false, false, false);
        // Anthropic (its tokenizer is not public: cl100k_base is an estimate)
        add("claude-opus-4", 200_000, 32_000, "cl100k_base", true, false, true);
        add("claude-sonnet-4", 200_000, 64_000, "cl100k_base", true, false, true);
        add("claude-haiku-4-5", 200_000, 64_000, "cl100k_base", true, false, true);
        add("claude-3-7-sonnet", 200_000, 64_000, "cl100k_base", true, false, true);
        add("claude-3-5-sonnet", 200_000, 8_192, "cl100k_base", true, false, true);
        add("claude-3-5-haiku", 200_000, 8_192, "cl100k_base", true, false, false);
        // DeepSeek
        add("deepseek-chat", 128_000, 8_192, "cl100k_base", true, false, false);
        add("deepseek-reasoner", 128_000, 64_000, "cl100k_base", false, false, false);
        // Qwen (DashScope)
        add("qwen-max", 32_768, 8_192, "cl100k_base", true, false, false);
        add("qwen-plus", 131_072, 8_192, "cl100k_base", true, false, false);
        add("qwen-turbo", 1_000_000, 8_192, "cl100k_base", true, false, false);
        add("qwen-vl-max", 131_072, 8_192, "cl100k_base", false, false, true);
        // Zhipu GLM
        add("glm-4", 128_000, 4_096, "cl100k_base", true, false, false);
        add("glm-4-flash", 128_000, 4_096, "cl100k_base", true, false, false);
        add("glm-4v", 8_192, 1_024, "cl100k_base", false, false, true);
        add("glm-4.5", 128_000, 96_000, "cl100k_base", true, false, false);
        add("glm-4.6", 200_000, 128_000, "cl100k_base", true, false, false);
    }

    private ModelCatalog() {
    }

    private static void add(String name, int window, int output, String encoding, boolean tools, boolean schema,
                            boolean vision) {
        register(new ModelInfo(name, window, output, encoding, tools, schema, vision));
    }

    /**
     * Adds or replaces a model's entry (thread-safe; affects every later look-up).
     *
     * @param info the model's entry
     */
    public static void register(ModelInfo info) {
        MODELS.put(info.name().toLowerCase(Locale.ROOT), info);
    }

    /**
     * {@return the entry for a model name: an exact match, else the longest known prefix of it, else empty}
     *
     * @param modelName a model name such as "gpt-4o-mini-2024-07-18"
     */
    public static Optional<ModelInfo> lookup(String modelName) {
        String m = modelName.toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        if (slash >= 0) {
            m = m.substring(slash + 1);
        }
        ModelInfo exact = MODELS.get(m);
        if (exact != null) {
            return Optional.of(exact);
        }
        ModelInfo best = null;
        for (Map.Entry<String, ModelInfo> e : MODELS.entrySet()) {
            String key = e.getKey();
            if (m.startsWith(key) && (m.length() == key.length() || !Character.isLetter(m.charAt(key.length())))
                    && (best == null || key.length() > best.name().length())) {
                best = e.getValue();
            }
        }
        return Optional.ofNullable(best);
    }
}
