package dev.catena.models.openai;

import dev.catena.models.internal.Provider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How one OpenAI-compatible server differs from OpenAI's own API. "Compatible" servers accept the
 * same JSON with small but breaking differences; a dialect switches them. Start from a preset and
 * change what your server needs:
 *
 * <pre>{@code
 * OpenAiDialect mine = OpenAiDialect.VLLM.withStreamUsage(false).withExtraBody(Map.of("top_k", 20));
 * }</pre>
 *
 * @param name                 the provider's name, shown in errors and traces
 * @param defaultBaseUrl       the base URL used when none is given
 * @param requiresApiKey       whether building a client without a key is a mistake (false for local servers)
 * @param streamUsage          send {@code stream_options.include_usage} when streaming (several servers reject it)
 * @param maxCompletionTokens  send the token limit as {@code max_completion_tokens} (OpenAI, needed by o-series)
 *                             rather than {@code max_tokens} (what compatible servers read)
 * @param developerRole        send system messages with role {@code developer} (OpenAI reasoning models)
 * @param toolChoice           the server accepts {@code tool_choice}; if not, it is left out
 * @param parallelToolCalls    the server accepts {@code parallel_tool_calls}; if not, it is left out
 * @param jsonSchema           the server accepts {@code response_format: json_schema}; if not, JSON-schema
 *                             requests are sent as {@code json_object} (ask for the schema in the prompt)
 * @param reasoningEcho        what to do with earlier turns' reasoning when sending history back
 * @param reasoningField       the field reasoning is echoed in ({@code reasoning_content}, Ollama's {@code reasoning})
 * @param extraBody            fields added to every request body (e.g. Qwen's {@code enable_thinking})
 */
public record OpenAiDialect(String name, String defaultBaseUrl, boolean requiresApiKey, boolean streamUsage,
                            boolean maxCompletionTokens, boolean developerRole, boolean toolChoice,
                            boolean parallelToolCalls, boolean jsonSchema, ReasoningEcho reasoningEcho,
                            String reasoningField, Map<String, Object> extraBody) {

    /** Whether reasoning text of earlier assistant turns is sent back. */
    public enum ReasoningEcho {
        /** Never (OpenAI, Qwen; DeepSeek's legacy reasoner answers 400 if it is sent). */
        STRIP,
        /** Only on turns that called tools (DeepSeek thinking mode answers 400 if it is missing there). */
        ON_TOOL_CALLS,
        /** Always. */
        ALWAYS
    }

    /** OpenAI's own API. */
    public static final OpenAiDialect OPENAI = new OpenAiDialect("OpenAI", "https://api.openai.com/v1", true, true,
            true, false, true, true, true, ReasoningEcho.STRIP, "reasoning_content", Map.of());

    /** Ollama's {@code /v1} endpoint: no key, no {@code tool_choice}, reasoning in {@code reasoning}. */
    public static final OpenAiDialect OLLAMA = compatible("Ollama", "http://localhost:11434/v1", d -> {
        d.requiresApiKey = false;
        d.toolChoice = false;
        d.parallelToolCalls = false;
        d.reasoningField = "reasoning";
    });

    /** vLLM's OpenAI server (tool calls need {@code --enable-auto-tool-choice --tool-call-parser …} on the server). */
    public static final OpenAiDialect VLLM = compatible("vLLM", "http://localhost:8000/v1", d -> {
        d.requiresApiKey = false;
        d.parallelToolCalls = false;
    });

    /** DeepSeek: {@code reasoning_content}, echoed back on tool-call turns; JSON mode but no JSON schema. */
    public static final OpenAiDialect DEEPSEEK = compatible("DeepSeek", "https://api.deepseek.com/v1", d -> {
        d.parallelToolCalls = false;
        d.jsonSchema = false;
        d.reasoningEcho = ReasoningEcho.ON_TOOL_CALLS;
    });

    /** Qwen on Alibaba Cloud DashScope, compatible mode (Beijing region; use the -intl host for Singapore). */
    public static final OpenAiDialect QWEN = compatible("Qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1",
            d -> d.jsonSchema = false);

    /** Zhipu GLM (BigModel open platform): no {@code stream_options}, {@code tool_choice} or {@code parallel_tool_calls}. */
    public static final OpenAiDialect GLM = compatible("GLM", "https://open.bigmodel.cn/api/paas/v4", d -> {
        d.streamUsage = false;
        d.toolChoice = false;
        d.parallelToolCalls = false;
        d.jsonSchema = false;
    });

    /**
     * Requires the name and the default base URL and the reasoning settings, and keeps an immutable copy of
     * the extra body.
     *
     * @param name the provider's name, shown in errors and traces
     * @param defaultBaseUrl the base URL used when none is given
     * @param requiresApiKey whether building a client without a key is a mistake (false for local servers)
     * @param streamUsage send {@code stream_options.include_usage} when streaming (several servers reject it)
     * @param maxCompletionTokens send the token limit as {@code max_completion_tokens} (OpenAI, needed by
     *     o-series) rather than {@code max_tokens} (what compatible servers read)
     * @param developerRole send system messages with role {@code developer} (OpenAI reasoning models)
     * @param toolChoice the server accepts {@code tool_choice}; if not, it is left out
     * @param parallelToolCalls the server accepts {@code parallel_tool_calls}; if not, it is left out
     * @param jsonSchema the server accepts {@code response_format: json_schema}; if not, JSON-schema requests
     *     are sent as {@code json_object} (ask for the schema in the prompt)
     * @param reasoningEcho what to do with earlier turns' reasoning when sending history back
     * @param reasoningField the field reasoning is echoed in ({@code reasoning_content}, Ollama's {@code
     *     reasoning})
     * @param extraBody fields added to every request body (e.g. Qwen's {@code enable_thinking})
     */
    public OpenAiDialect {
        Objects.requireNonNull(name, "dialect name");
        Objects.requireNonNull(defaultBaseUrl, "dialect defaultBaseUrl");
        Objects.requireNonNull(reasoningEcho, "dialect reasoningEcho");
        Objects.requireNonNull(reasoningField, "dialect reasoningField");
        extraBody = extraBody == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraBody));
    }

    /**
     * {@return this dialect under another name (shown in errors and traces)}
     *
     * @param value the provider's name
     */
    public OpenAiDialect withName(String value) {
        return with(d -> d.name = value);
    }

    /**
     * {@return this dialect, sending {@code stream_options.include_usage} or not}
     *
     * @param value true to send it
     */
    public OpenAiDialect withStreamUsage(boolean value) {
        return with(d -> d.streamUsage = value);
    }

    /**
     * {@return this dialect, sending the token limit as {@code max_completion_tokens} (true) or {@code
     * max_tokens}}
     *
     * @param value true for {@code max_completion_tokens}
     */
    public OpenAiDialect withMaxCompletionTokens(boolean value) {
        return with(d -> d.maxCompletionTokens = value);
    }

    /**
     * {@return this dialect, sending system messages with role {@code developer} (true) or {@code system}}
     *
     * @param value true for {@code developer}
     */
    public OpenAiDialect withDeveloperRole(boolean value) {
        return with(d -> d.developerRole = value);
    }

    /**
     * {@return this dialect, sending {@code tool_choice} or leaving it out}
     *
     * @param value true to send it
     */
    public OpenAiDialect withToolChoice(boolean value) {
        return with(d -> d.toolChoice = value);
    }

    /**
     * {@return this dialect, sending JSON-schema formats as such (true) or as {@code json_object}}
     *
     * @param value true to send them as JSON schema
     */
    public OpenAiDialect withJsonSchema(boolean value) {
        return with(d -> d.jsonSchema = value);
    }

    /**
     * {@return this dialect, treating earlier turns' reasoning this way}
     *
     * @param value what to do with earlier turns' reasoning
     */
    public OpenAiDialect withReasoningEcho(ReasoningEcho value) {
        return with(d -> d.reasoningEcho = value);
    }

    /**
     * {@return this dialect with these fields added to (or replacing fields of) its extra body}
     *
     * @param value the fields to add
     */
    public OpenAiDialect withExtraBody(Map<String, Object> value) {
        Map<String, Object> merged = new LinkedHashMap<>(extraBody);
        merged.putAll(value);
        return with(d -> d.extraBody = merged);
    }

    /** How a client reaches this server: its name, default base URL, key requirement and bearer auth. */
    Provider provider(Map<String, String> headers) {
        return Provider.bearer(name, defaultBaseUrl, requiresApiKey, headers);
    }

    /** A compatible server: OpenAI's switches, but the limit sent as {@code max_tokens}, then {@code changes}. */
    private static OpenAiDialect compatible(String name, String defaultBaseUrl, Consumer<Switches> changes) {
        return OPENAI.with(d -> {
            d.name = name;
            d.defaultBaseUrl = defaultBaseUrl;
            d.maxCompletionTokens = false;
            changes.accept(d);
        });
    }

    private OpenAiDialect with(Consumer<Switches> change) {
        Switches copy = new Switches(this);
        change.accept(copy);
        return copy.build();
    }

    /** A dialect's components as fields, so one change is one assignment. */
    private static final class Switches {
        String name;
        String defaultBaseUrl;
        boolean requiresApiKey;
        boolean streamUsage;
        boolean maxCompletionTokens;
        boolean developerRole;
        boolean toolChoice;
        boolean parallelToolCalls;
        boolean jsonSchema;
        ReasoningEcho reasoningEcho;
        String reasoningField;
        Map<String, Object> extraBody;

        Switches(OpenAiDialect d) {
            name = d.name;
            defaultBaseUrl = d.defaultBaseUrl;
            requiresApiKey = d.requiresApiKey;
            streamUsage = d.streamUsage;
            maxCompletionTokens = d.maxCompletionTokens;
            developerRole = d.developerRole;
            toolChoice = d.toolChoice;
            parallelToolCalls = d.parallelToolCalls;
            jsonSchema = d.jsonSchema;
            reasoningEcho = d.reasoningEcho;
            reasoningField = d.reasoningField;
            extraBody = d.extraBody;
        }

        OpenAiDialect build() {
            return new OpenAiDialect(name, defaultBaseUrl, requiresApiKey, streamUsage, maxCompletionTokens, developerRole,
                    toolChoice, parallelToolCalls, jsonSchema, reasoningEcho, reasoningField, extraBody);
        }
    }
}
