package dev.catena.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.tools.ToolExecutionException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenTelemetryTracerTest {

    private static final String KEY = "sk-proj-abcdefghijklmnop1234";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private OpenTelemetrySdk sdk;

    @BeforeEach
    void setUp() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .build();
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    static <I, O> Component<I, O> component(String name, String kind, Map<String, Object> metadata,
                                            java.util.function.BiFunction<I, RunConfig, O> body) {
        return new Component<>() {
            @Override
            public O call(I input, RunConfig config) {
                return body.apply(input, config);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Map<String, Object> runMetadata() {
                return metadata;
            }
        };
    }

    /** prepare → chat model (OpenAI metadata, usage 12 in / 5 out) → parse, as one chain. */
    private static Component<String, String> chain() {
        Component<List<ChatMessage>, AiMessage> model = component("ScriptedChat", "chat_model",
                Map.of("ls_provider", "OpenAI", "ls_model_name", "gpt-4o-mini", "ls_temperature", 0.2,
                        "ls_max_tokens", 256, OpenTelemetryTracer.RESPONSE_MODEL, "gpt-4o-mini-2024-07-18"),
                (messages, config) -> {
                    config.reportUsage(TokenUsage.of(12, 5));
                    return AiMessage.of("Paris. (key " + KEY + ")").withFinishReason("stop");
                });
        return Component.<String, List<ChatMessage>>of("prepare",
                        q -> List.of(ChatMessage.system("Answer briefly."), ChatMessage.user(q)))
                .pipe(model)
                .pipe(Component.<AiMessage, String>of("parse", AiMessage::text));
    }

    private SpanData span(String name) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " among "
                        + exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList()));
    }

    @Test
    void spansFollowTheRunTreeUnderTheApplicationsCurrentSpan() {
        OpenTelemetryTracer tracer = OpenTelemetryTracer.create(sdk);
        Span request = sdk.getTracer("app").spanBuilder("GET /ask").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            chain().invoke("Capital of France?", RunConfig.builder().callbacks(tracer).tags("docs").build());
        } finally {
            request.end();
        }

        SpanData root = span("Sequence");
        assertThat(root.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        for (String child : List.of("prepare", "chat gpt-4o-mini", "parse")) {
            assertThat(span(child).getParentSpanId()).as(child).isEqualTo(root.getSpanId());
            assertThat(span(child).getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        }
        assertThat(exporter.getFinishedSpanItems()).hasSize(5);
        assertThat(root.getAttributes().get(OpenTelemetryTracer.RUN_TAGS)).containsExactly("docs");
        assertThat(root.getAttributes().get(OpenTelemetryTracer.OPERATION)).isNull();
        assertThat(root.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(root.getStartEpochNanos()).isLessThanOrEqualTo(span("parse").getStartEpochNanos());
    }

    @Test
    void modelSpansCarryTheGenAiAttributesAndNoContentByDefault() {
        chain().invoke("Capital of France?", RunConfig.builder().callbacks(OpenTelemetryTracer.create(sdk)).build());

        SpanData model = span("chat gpt-4o-mini");
        assertThat(model.getKind()).isEqualTo(SpanKind.CLIENT);
        var a = model.getAttributes();
        assertThat(a.get(OpenTelemetryTracer.OPERATION)).isEqualTo("chat");
        assertThat(a.get(OpenTelemetryTracer.PROVIDER)).isEqualTo("openai");
        assertThat(a.get(OpenTelemetryTracer.SYSTEM)).isEqualTo("openai");
        assertThat(a.get(OpenTelemetryTracer.REQUEST_MODEL)).isEqualTo("gpt-4o-mini");
        assertThat(a.get(OpenTelemetryTracer.RESPONSE_MODEL_KEY)).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(a.get(OpenTelemetryTracer.TEMPERATURE)).isEqualTo(0.2);
        assertThat(a.get(OpenTelemetryTracer.MAX_TOKENS)).isEqualTo(256L);
        assertThat(a.get(OpenTelemetryTracer.INPUT_TOKENS)).isEqualTo(12L);
        assertThat(a.get(OpenTelemetryTracer.OUTPUT_TOKENS)).isEqualTo(5L);
        assertThat(a.get(OpenTelemetryTracer.FINISH_REASONS)).containsExactly("stop");
        assertThat(a.get(OpenTelemetryTracer.INPUT_MESSAGES)).isNull();
        assertThat(a.get(OpenTelemetryTracer.OUTPUT_MESSAGES)).isNull();
        assertThat(span("Sequence").getAttributes().get(OpenTelemetryTracer.INPUT_TOKENS))
                .as("usage is on the run that reported it, never summed into its parents").isNull();
        assertThat(model.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void contentIsCapturedWhenEnabledWithSecretsMasked() throws Exception {
        OpenTelemetryTracer tracer = OpenTelemetryTracer.builder(sdk).captureContent(true).build();
        chain().invoke("Capital of France? My key is " + KEY, RunConfig.builder().callbacks(tracer).build());

        var a = span("chat gpt-4o-mini").getAttributes();
        JsonNode input = new ObjectMapper().readTree(a.get(OpenTelemetryTracer.INPUT_MESSAGES));
        assertThat(input).hasSize(2);
        assertThat(input.get(0).get("role").asText()).isEqualTo("system");
        assertThat(input.get(0).get("parts").get(0).get("type").asText()).isEqualTo("text");
        assertThat(input.get(0).get("parts").get(0).get("content").asText()).isEqualTo("Answer briefly.");
        assertThat(input.get(1).get("role").asText()).isEqualTo("user");
        assertThat(input.get(1).get("parts").get(0).get("content").asText()).isEqualTo("Capital of France? My key is ***");
        JsonNode output = new ObjectMapper().readTree(a.get(OpenTelemetryTracer.OUTPUT_MESSAGES));
        assertThat(output.get(0).get("role").asText()).isEqualTo("assistant");
        assertThat(output.get(0).get("finish_reason").asText()).isEqualTo("stop");
        assertThat(output.get(0).get("parts").get(0).get("content").asText()).isEqualTo("Paris. (key ***)");
        assertThat(exporter.getFinishedSpanItems().toString()).doesNotContain(KEY);
    }

    @Test
    void aFailedToolRunIsAnErrorSpanWithItsException() {
        Component<String, String> tool = component("weather", "tool", Map.of(), (args, config) -> {
            throw new ToolExecutionException("weather", "upstream refused Authorization: Bearer " + KEY);
        });
        Component<String, String> chain = Component.<String, String>of("plan", s -> "{\"city\":\"Paris\"}").pipe(tool);
        OpenTelemetryTracer tracer = OpenTelemetryTracer.builder(sdk).captureContent(true).build();

        assertThatThrownBy(() -> chain.invoke("weather?", RunConfig.builder().callbacks(tracer).build()))
                .isInstanceOf(ToolExecutionException.class);

        SpanData failed = span("execute_tool weather");
        assertThat(failed.getParentSpanId()).isEqualTo(span("Sequence").getSpanId());
        assertThat(failed.getKind()).isEqualTo(SpanKind.INTERNAL);
        assertThat(failed.getAttributes().get(OpenTelemetryTracer.OPERATION)).isEqualTo("execute_tool");
        assertThat(failed.getAttributes().get(OpenTelemetryTracer.TOOL_NAME)).isEqualTo("weather");
        assertThat(failed.getAttributes().get(OpenTelemetryTracer.TOOL_ARGUMENTS)).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(failed.getStatus().getDescription()).contains("upstream refused").doesNotContain(KEY);
        assertThat(failed.getAttributes().get(OpenTelemetryTracer.ERROR_TYPE)).isEqualTo(ToolExecutionException.class.getName());
        EventData exception = failed.getEvents().get(0);
        assertThat(exception.getName()).isEqualTo("exception");
        assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.type"))).isEqualTo(ToolExecutionException.class.getName());
        assertThat(exception.getAttributes().get(AttributeKey.stringKey("exception.stacktrace"))).contains("at dev.catena");
        assertThat(span("Sequence").getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span("plan").getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(exporter.getFinishedSpanItems().toString()).doesNotContain(KEY);
    }

    @Test
    void toolContentStaysOutUnlessEnabled() {
        Component<String, String> tool = component("lookup", "tool", Map.of(), (args, config) -> "result for " + args);
        tool.invoke("{\"q\":\"x\"}", RunConfig.builder().callbacks(OpenTelemetryTracer.create(sdk)).build());
        var a = span("execute_tool lookup").getAttributes();
        assertThat(a.get(OpenTelemetryTracer.TOOL_ARGUMENTS)).isNull();
        assertThat(a.get(OpenTelemetryTracer.TOOL_RESULT)).isNull();

        exporter.reset();
        tool.invoke("{\"q\":\"x\"}", RunConfig.builder().callbacks(OpenTelemetryTracer.builder(sdk).captureContent(true).build()).build());
        assertThat(span("execute_tool lookup").getAttributes().get(OpenTelemetryTracer.TOOL_RESULT)).isEqualTo("result for {\"q\":\"x\"}");
    }
}
