package dev.catena.traceviewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.UserMessage;
import dev.catena.core.tools.ToolExecutionException;
import dev.catena.core.tracing.JsonLinesTracer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Trace files for the viewer's tests, written by the real JsonLinesTracer where the shape matters. */
final class SampleTraces {

    static final String HOSTILE = "<script>window.__owned = true;</script><img src=x onerror=\"window.__owned=true\">";

    private SampleTraces() {
    }

    /**
     * A retrieval-augmented answer (retriever, then a chat model whose output is hostile markup), and
     * a second root run: a tool that fails. The model run is priced only when {@code priced}.
     */
    static Path write(Path file, boolean priced) {
        Component<String, List<Document>> retriever = component("docs", "retriever", Map.of(), (q, c) -> List.of(
                Document.of("Paris is the capital of France.", Map.of("source", "geo.txt", "score", 0.91)),
                Document.of("Lyon is in France.", Map.of("source", "geo.txt", "score", 0.42))));
        Map<String, Object> modelMetadata = new HashMap<>(Map.of("ls_model_name", "gpt-test", "ls_provider", "test"));
        if (priced) {
            modelMetadata.put(RunTree.INPUT_PRICE, 2.0);
            modelMetadata.put(RunTree.OUTPUT_PRICE, 8.0);
        }
        Component<List<ChatMessage>, AiMessage> model = component("ScriptedChat", "chat_model", modelMetadata, (messages, c) -> {
            c.reportUsage(TokenUsage.of(1200, 300));
            return AiMessage.of(HOSTILE + " The capital is Paris.").withFinishReason("stop");
        });
        Component<String, AiMessage> chain = retriever
                .pipe(Component.<List<Document>, List<ChatMessage>>of("prompt",
                        docs -> List.of(UserMessage.of("Answer from: " + docs.get(0).text() + " Question: capital?"))))
                .pipe(model);
        Component<String, String> tool = component("weather", "tool", Map.of(), (args, c) -> {
            throw new ToolExecutionException("weather", "city </script><script>window.__owned=1</script> not found");
        });
        try (JsonLinesTracer tracer = new JsonLinesTracer(file)) {
            RunConfig config = RunConfig.builder().callbacks(tracer).tags("test").build();
            chain.invoke("What is the capital of France?", config);
            try {
                tool.invoke("{\"city\":\"Atlantis\"}", config);
            } catch (ToolExecutionException expected) {
                // the trace records it
            }
        }
        return file;
    }

    /** {@code roots} chains of ten runs each (a chain and nine children, one with usage), written directly. */
    static Path many(Path file, int roots) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int r = 0; r < roots; r++) {
                String rootId = UUID.randomUUID().toString();
                Instant rootStart = t0.plusSeconds(r);
                for (int c = 0; c < 9; c++) {
                    ObjectNode line = run(mapper, UUID.randomUUID().toString(), rootId, c == 4 ? "model-" + r : "step-" + r + "-" + c,
                            c == 4 ? "chat_model" : "function", rootStart.plusMillis(c * 10L), 9.5);
                    line.put("inputs", "input of step " + c + " in chain " + r);
                    if (c == 4) {
                        ObjectNode usage = line.putObject("usage");
                        usage.put("input_tokens", 100);
                        usage.put("output_tokens", 20);
                        usage.put("total_tokens", 120);
                    }
                    out.write(mapper.writeValueAsString(line));
                    out.write('\n');
                }
                out.write(mapper.writeValueAsString(run(mapper, rootId, null, "chain-" + r, "chain", rootStart, 95)));
                out.write('\n');
            }
        }
        return file;
    }

    private static ObjectNode run(ObjectMapper mapper, String id, String parent, String name, String kind, Instant start, double ms) {
        ObjectNode line = mapper.createObjectNode();
        line.put("run_id", id);
        line.put("parent_run_id", parent);
        line.put("name", name);
        line.put("kind", kind);
        line.putArray("tags");
        line.putObject("metadata");
        line.put("start", start.toString());
        line.put("duration_ms", ms);
        line.putNull("inputs");
        line.put("outputs", "output of " + name);
        line.putNull("usage");
        line.putNull("error");
        return line;
    }

    interface Body<I, O> {
        O call(I input, RunConfig config);
    }

    static <I, O> Component<I, O> component(String name, String kind, Map<String, Object> metadata, Body<I, O> body) {
        return new Component<>() {
            @Override
            public O call(I input, RunConfig config) {
                return body.call(input, config);
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
}
