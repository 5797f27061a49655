package dev.catena.core.tracing;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.PromptValue;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Prints the run tree when a root run ends: one line per run, indented under its parent, with its
 * kind, name, duration, the tokens the run reported (models report through
 * {@link RunConfig#reportUsage}; the root line shows the whole tree's sum), a short preview of the
 * output, and the error if it failed. Usage comes only from those reports, never from the outputs,
 * so a call is shown on its own line once and counted in the root's sum once, whatever wraps it
 * (retries, fallbacks, caches). Secrets are masked. Thread-safe: concurrent roots print whole
 * trees, never interleaved lines.
 *
 * <pre>{@code
 * RunConfig config = RunConfig.builder().callbacks(new ConsoleTracer()).build();
 * chain.invoke(input, config);
 * }</pre>
 *
 * <p>Prints, for example:
 * <pre>
 * chain Sequence [3.1 ms] tokens: 21 in, 5 out, 26 total
 *   function prompt [0.2 ms] =&gt; "Tell me a joke about cats"
 *   chat_model FakeChatModel [1.9 ms] tokens: 21 in, 5 out, 26 total =&gt; "Why did the cat…"
 * </pre>
 */
public final class ConsoleTracer implements CallbackHandler {

    private static final int PREVIEW = 80;

    /** One run as the tracer remembers it until its root ends. */
    private static final class Node {
        final RunInfo info;
        final List<Node> children = new CopyOnWriteArrayList<>();
        final AtomicReference<TokenUsage> usage = new AtomicReference<>();
        volatile Object output;
        volatile Throwable error;
        volatile Duration elapsed;

        Node(RunInfo info) {
            this.info = info;
        }
    }

    private final PrintStream out;
    private final Map<UUID, Node> runs = new ConcurrentHashMap<>();
    private final ReentrantLock printing = new ReentrantLock();

    /** Prints to {@code System.out}. */
    public ConsoleTracer() {
        this(System.out);
    }

    /**
     * Prints to this stream.
     *
     * @param out the stream to print to
     */
    public ConsoleTracer(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onStart(RunInfo run, Object input) {
        Node node = new Node(run);
        runs.put(run.runId(), node);
        Node parent = run.parentRunId().map(runs::get).orElse(null);
        if (parent != null) {
            parent.children.add(node);
        }
    }

    @Override
    public void onUsage(RunInfo run, TokenUsage usage) {
        Node node = runs.get(run.runId());
        if (node != null) {
            node.usage.accumulateAndGet(usage, (sum, more) -> more.plus(sum));
        }
    }

    @Override
    public void onEnd(RunInfo run, Object output, Duration elapsed) {
        finish(run, output, null, elapsed);
    }

    @Override
    public void onError(RunInfo run, Throwable error, Duration elapsed) {
        finish(run, null, error, elapsed);
    }

    private void finish(RunInfo run, Object output, Throwable error, Duration elapsed) {
        Node node = runs.get(run.runId());
        if (node == null) {
            return;
        }
        node.output = output;
        node.error = error;
        node.elapsed = elapsed;
        boolean root = run.parentRunId().filter(runs::containsKey).isEmpty();
        if (root) {
            String tree = render(node);
            forget(node);
            printing.lock();
            try {
                out.print(tree);
                out.flush();
            } finally {
                printing.unlock();
            }
        }
    }

    private void forget(Node node) {
        runs.remove(node.info.runId());
        node.children.forEach(this::forget);
    }

    /** The tree under {@code root} as text, one line per run. */
    String render(Node root) {
        StringBuilder sb = new StringBuilder();
        render(root, 0, sb);
        return sb.toString();
    }

    private void render(Node node, int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth)).append(node.info.kind()).append(' ').append(TraceValues.text(node.info.name()));
        Duration elapsed = node.elapsed;
        sb.append(" [").append(elapsed == null ? "running" : millis(elapsed)).append(']');
        TokenUsage usage = depth == 0 ? totalUsage(node) : ownUsage(node);
        if (usage != null) {
            sb.append(" tokens: ").append(usage.inputTokens()).append(" in, ").append(usage.outputTokens())
                    .append(" out, ").append(usage.totalTokens()).append(" total");
        }
        Throwable error = node.error;
        if (error instanceof CancellationException) {
            sb.append(" CANCELLED");
        } else if (error != null) {
            sb.append(" ERROR ").append(oneLine(error.getClass().getSimpleName() + ": " + error.getMessage(), 200));
        } else if (node.output != null && (node.children.isEmpty() || depth == 0)) {
            sb.append(" => ").append(oneLine(preview(node.output), PREVIEW));
        }
        sb.append(System.lineSeparator());
        List<Node> children = new ArrayList<>(node.children);
        for (Node child : children) {
            render(child, depth + 1, sb);
        }
    }

    /** The tokens this run reported itself, or null if it reported none. */
    private static TokenUsage ownUsage(Node node) {
        return node.usage.get();
    }

    /** The tokens used in the whole tree, or null if no run reported any. */
    private static TokenUsage totalUsage(Node node) {
        TokenUsage sum = ownUsage(node); // only the run that made a request reports it, so plain addition is exact
        for (Node child : node.children) {
            TokenUsage u = totalUsage(child);
            if (u != null) {
                sum = u.plus(sum);
            }
        }
        return sum;
    }

    private static String preview(Object output) {
        if (output instanceof CharSequence s) {
            return "\"" + TraceValues.text(s.toString()) + "\"";
        }
        if (output instanceof PromptValue prompt) {
            return "\"" + TraceValues.text(prompt.toText()) + "\""; // the transcript reads better than message JSON
        }
        if (output instanceof AiMessage ai) {
            return ai.hasToolCalls() ? "tool calls " + TraceValues.render(ai.toolCalls()) : "\"" + TraceValues.text(ai.text()) + "\"";
        }
        return TraceValues.render(output).toString();
    }

    private static String oneLine(String s, int max) {
        String flat = Secrets.redact(s).replaceAll("\\s+", " ").trim();
        return flat.length() > max ? flat.substring(0, max - 1) + "…" : flat;
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1_000_000.0);
    }
}
