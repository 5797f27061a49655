package dev.catena.chains.documents;

import dev.catena.core.documents.Document;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The variables strategies add to the caller's, and how documents are joined into one context. */
final class PromptInputs {

    /** Between documents (and between mapped answers) in one prompt. */
    static final String SEPARATOR = "\n\n";

    private PromptInputs() {
    }

    static Map<String, Object> with(Map<String, Object> variables, String key, Object value) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(key, value);
        return all;
    }

    static Map<String, Object> with(Map<String, Object> variables, String key, Object value, String key2, Object value2) {
        Map<String, Object> all = with(variables, key, value);
        all.put(key2, value2);
        return all;
    }

    static String join(List<Document> documents) {
        return documents.stream().map(Document::text).collect(Collectors.joining(SEPARATOR));
    }

    static String describe(Document document) {
        Object source = document.metadata().get("source");
        return source != null ? "'" + source + "'" : document.id() != null ? "'" + document.id() + "'" : "(no source)";
    }
}
