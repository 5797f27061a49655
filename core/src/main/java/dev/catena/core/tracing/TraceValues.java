package dev.catena.core.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.json.MessageJson;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.PromptValue;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Renders run inputs and outputs as JSON for traces, safely: any object becomes something (records
 * field by field, messages in the OpenAI shape, other objects by {@code toString}), depth and text
 * length are bounded, and secrets are masked. It never calls getters, so an object holding an API
 * key cannot leak it unless its {@code toString} prints it, and then the key is masked.
 */
final class TraceValues {

    static final int MAX_DEPTH = 8;
    static final int MAX_TEXT = 20_000;
    static final int MAX_ITEMS = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TraceValues() {
    }

    static JsonNode render(Object value) {
        return render(value, 0);
    }

    private static JsonNode render(Object value, int depth) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (depth > MAX_DEPTH) {
            return NODES.textNode("…");
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof Enum<?>
                || value instanceof UUID || value instanceof TemporalAccessor) {
            return NODES.textNode(text(value.toString()));
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return n instanceof Double || n instanceof Float ? NODES.numberNode(n.doubleValue()) : NODES.numberNode(n.longValue());
        }
        if (value instanceof Optional<?> o) {
            return render(o.orElse(null), depth);
        }
        if (value instanceof ChatMessage m) {
            ObjectNode node = MessageJson.toOpenAi(m);
            if (m instanceof AiMessage ai) {
                ai.finishReason().ifPresent(reason -> node.put("finish_reason", reason));
            }
            return redactStrings(node);
        }
        if (value instanceof ChatRequest r) {
            // the shape it had as a record: one field per part, an unset option as null
            ObjectNode node = NODES.objectNode();
            node.set("messages", render(r.messages(), depth + 1));
            node.set("tools", render(r.tools(), depth + 1));
            node.set("toolChoice", render(r.toolChoice(), depth + 1));
            node.set("responseFormat", render(r.responseFormat(), depth + 1));
            return node;
        }
        if (value instanceof PromptValue p) {
            return render(p.toMessages(), depth);
        }
        if (value instanceof Embedding e) {
            return NODES.textNode("Embedding[dim=" + e.dimension() + "]");
        }
        if (value instanceof JsonNode json) {
            return redactStrings(json.deepCopy());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            int n = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (n++ == MAX_ITEMS) {
                    node.put("…", (map.size() - MAX_ITEMS) + " more");
                    break;
                }
                String key = String.valueOf(e.getKey());
                node.set(key, Secrets.isSecretName(key) ? NODES.textNode(Secrets.MASK) : render(e.getValue(), depth + 1));
            }
            return node;
        }
        if (value instanceof Collection<?> items) {
            return array(items.toArray(), depth);
        }
        if (value.getClass().isArray()) {
            if (value.getClass().getComponentType().isPrimitive()) {
                int length = Array.getLength(value);
                Object[] boxed = new Object[length];
                for (int i = 0; i < length; i++) {
                    boxed[i] = Array.get(value, i);
                }
                return array(boxed, depth);
            }
            return array((Object[]) value, depth);
        }
        if (value instanceof Throwable t) {
            return NODES.textNode(text(t.getClass().getSimpleName() + ": " + t.getMessage()));
        }
        if (value.getClass().isRecord()) {
            return record(value, depth);
        }
        return NODES.textNode(text(value.toString()));
    }

    private static JsonNode array(Object[] items, int depth) {
        ArrayNode node = NODES.arrayNode();
        for (int i = 0; i < items.length; i++) {
            if (i == MAX_ITEMS) {
                node.add((items.length - MAX_ITEMS) + " more");
                break;
            }
            node.add(render(items[i], depth + 1));
        }
        return node;
    }

    private static JsonNode record(Object value, int depth) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            if (Secrets.isSecretName(c.getName())) {
                node.put(c.getName(), Secrets.MASK);
                continue;
            }
            try {
                node.set(c.getName(), render(c.getAccessor().invoke(value), depth + 1));
            } catch (ReflectiveOperationException | RuntimeException e) {
                node.put(c.getName(), "<unreadable>");
            }
        }
        return node;
    }

    /** Masks secrets in every string of a tree (and whole values under secret-looking keys). */
    private static JsonNode redactStrings(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode child = object.get(name);
                object.set(name, Secrets.isSecretName(name) ? NODES.textNode(Secrets.MASK) : redactStrings(child));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redactStrings(array.get(i)));
            }
            return array;
        }
        if (node.isTextual()) {
            return NODES.textNode(text(node.asText()));
        }
        return node;
    }

    /** Bounded and masked text. */
    static String text(String s) {
        String masked = Secrets.redact(s); // before cutting, so a cut cannot leave half a key unmasked
        return masked.length() > MAX_TEXT
                ? masked.substring(0, MAX_TEXT) + "… (" + (masked.length() - MAX_TEXT) + " more chars)" : masked;
    }
}
