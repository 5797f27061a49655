package dev.catena.core.messages;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable copies of the free-form JSON values messages carry for LangChain ({@code
 * additional_kwargs}, {@code response_metadata}, an artifact): maps, lists, strings, numbers,
 * booleans and nulls. {@code Map.copyOf} refuses null values, which JSON has, so this copies
 * deeply into unmodifiable views that keep nulls and key order.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** An unmodifiable deep copy; null becomes an empty map. */
    static Map<String, Object> copy(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, copyValue(v)));
        return Collections.unmodifiableMap(out);
    }

    /** A deep copy of one JSON value, containers unmodifiable. */
    @SuppressWarnings("unchecked")
    static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return copy((Map<String, ?>) m);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copyValue(v)));
            return Collections.unmodifiableList(out);
        }
        return value;
    }

    /** The two maps' keys, the later one's values winning (streamed metadata arrives in pieces). */
    static Map<String, Object> merge(Map<String, Object> first, Map<String, Object> second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        Map<String, Object> out = new LinkedHashMap<>(first);
        out.putAll(second);
        return Collections.unmodifiableMap(out);
    }
}
