package dev.catena.core.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.CatenaException;
import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.TokenUsage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends one JSON object per finished run to a file (JSON Lines), for tools and later analysis:
 * {@code run_id}, {@code parent_run_id}, {@code name}, {@code kind}, {@code tags}, {@code metadata},
 * {@code start} (ISO-8601), {@code duration_ms}, {@code inputs}, {@code outputs}, {@code usage} and
 * {@code error}. {@code usage} holds the tokens the run itself reported through
 * {@link RunConfig#reportUsage} ({@code input_tokens}, {@code output_tokens}, {@code total_tokens}),
 * or null: a model run has it, the chains around it do not, so summing the field over all lines
 * counts every request once. Children finish first, so they come before their parent; rebuild the tree with the
 * ids. Inputs and outputs are rendered safely (records field by field, messages in the OpenAI
 * shape, anything else by {@code toString}) and secrets are masked. Thread-safe; each line is
 * written and flushed whole. Close it when done.
 *
 * <pre>{@code
 * try (JsonLinesTracer tracer = new JsonLinesTracer(Path.of("runs.jsonl"))) {
 *     chain.invoke(input, RunConfig.builder().callbacks(tracer).build());
 * }
 * }</pre>
 */
public final class JsonLinesTracer implements CallbackHandler, Closeable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final Writer writer;
    private final ReentrantLock writing = new ReentrantLock();
    private final Map<UUID, Object> inputs = new ConcurrentHashMap<>();
    private final Map<UUID, TokenUsage> usages = new ConcurrentHashMap<>();

    /**
     * Appends to {@code file}, creating it (not its directories) if needed.
     *
     * @param file the file to append to
     */
    public JsonLinesTracer(Path file) {
        this.file = file;
        try {
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new CatenaException("cannot open trace file " + file + " for appending: " + e.getMessage()
                    + "; check that its directory exists and is writable", e);
        }
    }

    /** {@return the file this tracer appends to} */
    public Path file() {
        return file;
    }

    @Override
    public void onStart(RunInfo run, Object input) {
        if (input != null) {
            inputs.put(run.runId(), input);
        }
    }

    @Override
    public void onUsage(RunInfo run, TokenUsage usage) {
        usages.merge(run.runId(), usage, TokenUsage::plus);
    }

    @Override
    public void onEnd(RunInfo run, Object output, Duration elapsed) {
        write(line(run, output, null, elapsed));
    }

    @Override
    public void onError(RunInfo run, Throwable error, Duration elapsed) {
        write(line(run, null, error, elapsed));
    }

    private ObjectNode line(RunInfo run, Object output, Throwable error, Duration elapsed) {
        Object input = inputs.remove(run.runId());
        TokenUsage reported = usages.remove(run.runId());
        ObjectNode o = NODES.objectNode();
        o.put("run_id", run.runId().toString());
        o.put("parent_run_id", run.parentRunId().map(UUID::toString).orElse(null));
        o.put("name", TraceValues.text(run.name()));
        o.put("kind", run.kind());
        ArrayNode tags = o.putArray("tags");
        run.tags().forEach(t -> tags.add(TraceValues.text(t)));
        o.set("metadata", TraceValues.render(run.metadata()));
        o.put("start", run.startedAt().toString());
        o.put("duration_ms", elapsed.toNanos() / 1_000_000.0);
        o.set("inputs", TraceValues.render(input));
        o.set("outputs", TraceValues.render(output));
        if (reported != null) {
            ObjectNode usage = o.putObject("usage");
            usage.put("input_tokens", reported.inputTokens());
            usage.put("output_tokens", reported.outputTokens());
            usage.put("total_tokens", reported.totalTokens());
        } else {
            o.putNull("usage");
        }
        if (error == null) {
            o.putNull("error");
        } else {
            ObjectNode e = o.putObject("error");
            e.put("type", error.getClass().getName());
            e.put("message", TraceValues.text(String.valueOf(error.getMessage())));
            e.put("cancelled", error instanceof CancellationException);
        }
        return o;
    }

    private void write(ObjectNode line) {
        String text;
        try {
            text = MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        writing.lock();
        try {
            writer.write(text);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to trace file " + file, e);
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void close() {
        writing.lock();
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close trace file " + file, e);
        } finally {
            writing.unlock();
        }
    }
}
