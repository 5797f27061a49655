package dev.catena.opentelemetry;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.tracing.Secrets;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A callback that exports every run as an OpenTelemetry span, so Catena's run tree shows up in the
 * tracing backend you already run. It needs only the OpenTelemetry API: pass the
 * {@link OpenTelemetry} your application configured (the SDK and its exporters are your choice);
 * with none configured the API's no-op implementation makes this free.
 *
 * <p>Each run becomes one span, a child of its parent run's span; a root run becomes a child of
 * the span current on the thread that started it, so runs nest under your request's span. Model
 * runs follow the GenAI semantic conventions: {@code gen_ai.operation.name} ({@code chat},
 * {@code text_completion}, {@code embeddings}), {@code gen_ai.provider.name} (and the older
 * {@code gen_ai.system}), {@code gen_ai.request.model}, the request settings a client reported
 * ({@code gen_ai.request.temperature}, {@code max_tokens}, {@code top_p}), {@code gen_ai.usage.input_tokens}
 * and {@code output_tokens} from the run's own usage reports, and {@code gen_ai.response.finish_reasons}.
 * {@code gen_ai.response.model} is set when the run's metadata carries the answering model under
 * {@value #RESPONSE_MODEL}. A tool run is an {@code execute_tool} span with {@code gen_ai.tool.name}.
 * A failed run records its exception, {@code error.type} and status {@code ERROR}.
 *
 * <p>Prompts, completions and tool arguments and results are personal data in many applications,
 * so they are recorded ({@code gen_ai.input.messages}, {@code gen_ai.output.messages},
 * {@code gen_ai.tool.call.arguments}, {@code gen_ai.tool.call.result}) only when
 * {@link Builder#captureContent(boolean)} is on, and then masked as Catena's tracers mask them.
 *
 * <pre>{@code
 * OpenTelemetryTracer tracer = OpenTelemetryTracer.builder(openTelemetry).captureContent(false).build();
 * chain.invoke(input, RunConfig.builder().callbacks(tracer).build());
 * }</pre>
 */
public final class OpenTelemetryTracer implements CallbackHandler {

    /** The instrumentation scope name spans are created under. */
    public static final String SCOPE = "dev.catena";
    /** Metadata key a model may use to report the model that answered, when it differs from the one asked. */
    public static final String RESPONSE_MODEL = "ls_response_model";

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL_KEY = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Double> TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
    static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> TOOL_ARGUMENTS = AttributeKey.stringKey("gen_ai.tool.call.arguments");
    static final AttributeKey<String> TOOL_RESULT = AttributeKey.stringKey("gen_ai.tool.call.result");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey("exception.type");
    static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey("exception.message");
    static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey("exception.stacktrace");
    static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("catena.run.id");
    static final AttributeKey<String> RUN_KIND = AttributeKey.stringKey("catena.run.kind");
    static final AttributeKey<String> RUN_NAME = AttributeKey.stringKey("catena.run.name");
    static final AttributeKey<List<String>> RUN_TAGS = AttributeKey.stringArrayKey("catena.run.tags");

    private final Tracer tracer;
    private final boolean captureContent;
    private final Map<UUID, Span> open = new ConcurrentHashMap<>();
    private final Map<UUID, TokenUsage> usages = new ConcurrentHashMap<>();

    private OpenTelemetryTracer(Builder builder) {
        this.tracer = builder.openTelemetry.getTracer(SCOPE);
        this.captureContent = builder.captureContent;
    }

    /**
     * A tracer that records no content; the same as {@code builder(openTelemetry).build()}.
     *
     * @param openTelemetry the OpenTelemetry instance whose tracer makes the spans
     * @return a tracer that does not capture content
     */
    public static OpenTelemetryTracer create(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    /**
     * Starts configuring a tracer on the given OpenTelemetry instance.
     *
     * @param openTelemetry the OpenTelemetry instance whose tracer makes the spans; not null
     * @return a builder
     */
    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    @Override
    public void onStart(RunInfo run, Object input) {
        String operation = operation(run);
        Span parent = run.parentRunId().map(open::get).orElse(null);
        Context context = parent != null ? Context.current().with(parent) : Context.current();
        String model = run.modelName().orElse(null);
        SpanBuilder span = tracer.spanBuilder(spanName(run, operation, model))
                .setParent(context)
                .setStartTimestamp(run.startedAt())
                .setSpanKind(operation != null && !operation.equals("execute_tool") ? SpanKind.CLIENT : SpanKind.INTERNAL)
                .setAttribute(RUN_ID, run.runId().toString())
                .setAttribute(RUN_KIND, run.kind())
                .setAttribute(RUN_NAME, run.name());
        if (!run.tags().isEmpty()) {
            span.setAttribute(RUN_TAGS, run.tags());
        }
        if (operation != null) {
            span.setAttribute(OPERATION, operation);
        }
        if (operation != null && !operation.equals("execute_tool")) {
            modelAttributes(span, run, model);
            if (captureContent) {
                GenAiMessages.of(input).ifPresent(messages -> span.setAttribute(INPUT_MESSAGES, GenAiMessages.json(messages)));
            }
        } else if ("execute_tool".equals(operation)) {
            span.setAttribute(TOOL_NAME, run.name());
            if (captureContent && input != null) {
                span.setAttribute(TOOL_ARGUMENTS, Secrets.redact(input.toString()));
            }
        }
        open.put(run.runId(), span.startSpan());
    }

    @Override
    public void onUsage(RunInfo run, TokenUsage usage) {
        usages.merge(run.runId(), usage, TokenUsage::plus);
    }

    @Override
    public void onEnd(RunInfo run, Object output, Duration elapsed) {
        Span span = open.remove(run.runId());
        if (span == null) {
            return; // started before this tracer was added
        }
        usage(span, run);
        if (output instanceof AiMessage ai) {
            ai.finishReason().ifPresent(reason -> span.setAttribute(FINISH_REASONS, List.of(reason)));
            if (captureContent) {
                span.setAttribute(OUTPUT_MESSAGES, GenAiMessages.json(List.of(ai)));
            }
        } else if (captureContent && "tool".equals(run.kind()) && output != null) {
            span.setAttribute(TOOL_RESULT, Secrets.redact(output.toString()));
        }
        span.end(run.startedAt().plus(elapsed));
    }

    @Override
    public void onError(RunInfo run, Throwable error, Duration elapsed) {
        Span span = open.remove(run.runId());
        if (span == null) {
            return;
        }
        usage(span, run);
        String message = Secrets.redact(String.valueOf(error.getMessage()));
        span.setAttribute(ERROR_TYPE, error.getClass().getName());
        // Not recordException: the SDK would copy the raw message and stack trace, secrets and all.
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        span.addEvent("exception", Attributes.of(EXCEPTION_TYPE, error.getClass().getName(), EXCEPTION_MESSAGE, message,
                EXCEPTION_STACKTRACE, Secrets.redact(trace.toString())));
        span.setStatus(StatusCode.ERROR, error instanceof CancellationException ? "cancelled" : message);
        span.end(run.startedAt().plus(elapsed));
    }

    private void usage(Span span, RunInfo run) {
        TokenUsage usage = usages.remove(run.runId());
        if (usage != null) {
            span.setAttribute(INPUT_TOKENS, usage.inputTokens());
            span.setAttribute(OUTPUT_TOKENS, usage.outputTokens());
        }
    }

    private static void modelAttributes(SpanBuilder span, RunInfo run, String model) {
        if (run.metadata().get(RunInfo.PROVIDER) instanceof String provider) {
            String name = provider.toLowerCase(Locale.ROOT);
            span.setAttribute(PROVIDER, name);
            span.setAttribute(SYSTEM, name);
        }
        if (model != null) {
            span.setAttribute(REQUEST_MODEL, model);
        }
        if (run.metadata().get(RESPONSE_MODEL) instanceof String answered) {
            span.setAttribute(RESPONSE_MODEL_KEY, answered);
        }
        if (run.metadata().get("ls_temperature") instanceof Number t) {
            span.setAttribute(TEMPERATURE, t.doubleValue());
        }
        if (run.metadata().get("ls_top_p") instanceof Number p) {
            span.setAttribute(TOP_P, p.doubleValue());
        }
        Object max = run.metadata().getOrDefault("ls_max_tokens", run.metadata().get("ls_max_completion_tokens"));
        if (max instanceof Number n) {
            span.setAttribute(MAX_TOKENS, n.longValue());
        }
    }

    /** The GenAI operation a run is, or null for chains, prompts, parsers and other plain steps. */
    private static String operation(RunInfo run) {
        return switch (run.kind()) {
            case "chat_model" -> "chat";
            case "llm" -> "text_completion";
            case "embedding_model" -> "embeddings";
            case "tool" -> "execute_tool";
            default -> null;
        };
    }

    private static String spanName(RunInfo run, String operation, String model) {
        if (operation == null) {
            return run.name();
        }
        if (operation.equals("execute_tool")) {
            return "execute_tool " + run.name();
        }
        return model == null ? operation : operation + " " + model;
    }

    /** Settings of an {@link OpenTelemetryTracer}. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private boolean captureContent;

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * Whether to record prompts, completions and tool arguments and results on the spans (off by
         * default: they often hold personal data). Secrets in them are masked either way.
         *
         * @param value true to record content on the spans
         * @return this builder
         */
        public Builder captureContent(boolean value) {
            this.captureContent = value;
            return this;
        }

        /**
         * The tracer.
         *
         * @return a tracer with these settings
         */
        public OpenTelemetryTracer build() {
            return new OpenTelemetryTracer(this);
        }
    }
}
