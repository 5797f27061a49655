package dev.catena.traceviewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Puts trace lines (children first, as the tracer writes them) into tree order for the page: each
 * run after its parent, with its depth, its offset and its root's duration for the waterfall, and
 * its tokens and cost rolled up over its subtree. A run whose parent is not in the trace (yet: a
 * live trace gets the parent when it finishes) is shown as a root.
 *
 * <p>Cost needs prices, and the trace holds them only when a run's metadata carries
 * {@value #INPUT_PRICE} and {@value #OUTPUT_PRICE} (US dollars per million tokens). A run that used
 * tokens without a price makes its cost, and every sum over it, unknown: never zero.
 */
final class RunTree {

    /** Metadata key of a model run's input price, US dollars per million tokens. */
    static final String INPUT_PRICE = "input_price_per_million";
    /** Metadata key of a model run's output price, US dollars per million tokens. */
    static final String OUTPUT_PRICE = "output_price_per_million";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunTree() {
    }

    /** The page's data: {@code runs} in tree order, {@code kinds}, and {@code totals} over all roots; extends the lines given. */
    static ObjectNode build(List<ObjectNode> lines) {
        Map<String, Node> byId = new LinkedHashMap<>();
        int order = 0;
        for (ObjectNode line : lines) {
            Node node = new Node(line, order++);
            byId.put(node.id, node); // a run id written twice keeps its last line
        }
        List<Node> roots = new ArrayList<>();
        for (Node node : byId.values()) {
            Node parent = node.parentId == null ? null : byId.get(node.parentId);
            if (parent == null || parent == node) {
                roots.add(node);
            } else {
                parent.children.add(node);
            }
        }
        Comparator<Node> byStart = Comparator.comparing((Node n) -> n.start).thenComparingInt(n -> n.order);
        roots.sort(byStart);
        ArrayNode runs = NODES.arrayNode();
        TreeSet<String> kinds = new TreeSet<>();
        Rollup total = new Rollup();
        for (Node root : roots) {
            Rollup rolled = emit(root, 0, root, runs, kinds, byStart, new HashMap<>());
            total.add(rolled);
        }
        ObjectNode data = NODES.objectNode();
        data.set("runs", runs);
        ArrayNode kindList = data.putArray("kinds");
        kinds.forEach(kindList::add);
        ObjectNode totals = data.putObject("totals");
        totals.put("runs", runs.size());
        totals.put("roots", roots.size());
        total.writeTo(totals);
        return data;
    }

    /** Appends a run and then its subtree, depth first; returns the subtree's rolled-up usage. */
    private static Rollup emit(Node node, int depth, Node root, ArrayNode out, TreeSet<String> kinds,
                               Comparator<Node> byStart, Map<Node, Boolean> seen) {
        if (seen.put(node, Boolean.TRUE) != null) {
            return new Rollup(); // a cycle of ids in a damaged trace: show each run once
        }
        ObjectNode run = node.line; // read fresh for this page, so it is ours to extend
        run.put("depth", depth);
        run.put("root_id", root.id);
        run.put("offset_ms", Math.max(0, Duration.between(root.start, node.start).toNanos() / 1e6));
        run.put("root_ms", Math.max(root.durationMs, 0.001));
        run.put("child_count", node.children.size());
        Rollup own = Rollup.of(node.line);
        if (own.unpriced) {
            run.putNull("cost");
        } else {
            run.put("cost", own.cost);
        }
        out.add(run);
        kinds.add(node.line.path("kind").asText());
        Rollup rolled = new Rollup();
        rolled.add(own);
        node.children.sort(byStart);
        for (Node child : node.children) {
            rolled.add(emit(child, depth + 1, root, out, kinds, byStart, seen));
        }
        ObjectNode sums = run.putObject("rolled");
        rolled.writeTo(sums);
        return rolled;
    }

    private static final class Node {
        final ObjectNode line;
        final int order;
        final String id;
        final String parentId;
        final Instant start;
        final double durationMs;
        final List<Node> children = new ArrayList<>();

        Node(ObjectNode line, int order) {
            this.line = line;
            this.order = order;
            this.id = line.path("run_id").asText();
            JsonNode parent = line.path("parent_run_id");
            this.parentId = parent.isTextual() ? parent.asText() : null;
            Instant parsed;
            try {
                parsed = Instant.parse(line.path("start").asText());
            } catch (DateTimeParseException e) {
                throw new TraceFormatException("run " + id + " has start \"" + line.path("start").asText()
                        + "\", which is not an ISO-8601 instant like 2026-01-31T12:00:00.123Z", e);
            }
            this.start = parsed;
            this.durationMs = line.path("duration_ms").asDouble(0);
        }
    }

    /** Tokens and cost added up; cost stays unknown once any run with tokens had no price. */
    private static final class Rollup {
        long input;
        long output;
        long total;
        double cost;
        boolean unpriced;
        boolean hasUsage;

        static Rollup of(ObjectNode line) {
            Rollup r = new Rollup();
            JsonNode usage = line.path("usage");
            if (!usage.isObject()) {
                return r;
            }
            r.hasUsage = true;
            r.input = usage.path("input_tokens").asLong();
            r.output = usage.path("output_tokens").asLong();
            r.total = usage.path("total_tokens").asLong(r.input + r.output);
            JsonNode metadata = line.path("metadata");
            JsonNode in = metadata.path(INPUT_PRICE);
            JsonNode out = metadata.path(OUTPUT_PRICE);
            if (in.isNumber() && out.isNumber()) {
                r.cost = (r.input * in.asDouble() + r.output * out.asDouble()) / 1_000_000.0;
            } else {
                r.unpriced = true;
            }
            return r;
        }

        void add(Rollup other) {
            input += other.input;
            output += other.output;
            total += other.total;
            cost += other.cost;
            unpriced |= other.unpriced;
            hasUsage |= other.hasUsage;
        }

        void writeTo(ObjectNode node) {
            node.put("input_tokens", input);
            node.put("output_tokens", output);
            node.put("total_tokens", total);
            node.put("has_usage", hasUsage);
            if (unpriced) {
                node.putNull("cost");
            } else {
                node.put("cost", cost);
            }
        }
    }
}
