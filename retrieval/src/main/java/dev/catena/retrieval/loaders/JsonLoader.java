package dev.catena.retrieval.loaders;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.documents.Document;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads JSON or JSON Lines, one document per record, picking the text with a JSON pointer
 * (RFC 6901), as LangChain's {@code JSONLoader} does with a jq expression.
 *
 * <p>For a JSON file, {@link Builder#records} points at an array whose elements are the records
 * (default: the root, which may also be a single object). For JSON Lines (chosen by
 * {@link Builder#jsonLines}, or by a {@code .jsonl} / {@code .ndjson} name) every non-blank line
 * is a record and lines are read as the stream is consumed. {@link Builder#text} points at the
 * text inside a record (default: the record itself); a non-string value is used as its JSON
 * text. Metadata: {@code source}, {@code seq_num} (1-based, as LangChain) and any
 * {@link Builder#metadata} pointers.
 *
 * <pre>{@code
 * JsonLoader.builder(path).records("/messages").text("/content").metadata("author", "/sender/name").build();
 * }</pre>
 */
public final class JsonLoader implements DocumentLoader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;
    private final JsonPointer records;
    private final JsonPointer text;
    private final Map<String, JsonPointer> metadata;
    private final boolean jsonLines;

    private JsonLoader(Builder b) {
        this.path = b.path;
        this.records = b.records;
        this.text = b.text;
        this.metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        String name = b.path.getFileName() == null ? "" : b.path.getFileName().toString();
        this.jsonLines = b.jsonLines != null ? b.jsonLines : name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    /**
     * {@return settings for a loader of this JSON or JSON Lines file}
     *
     * @param path the file; {@code .jsonl} and {@code .ndjson} are read as JSON Lines
     */
    public static Builder builder(Path path) {
        return new Builder(Objects.requireNonNull(path, "path"));
    }

    @Override
    public Stream<Document> lazyLoad() {
        return jsonLines ? lines() : whole();
    }

    private Stream<Document> whole() {
        return Stream.of(path).flatMap(p -> {
            JsonNode root;
            try {
                root = MAPPER.readTree(TextFileLoader.readText(path));
            } catch (JsonProcessingException e) {
                throw new DocumentLoadException("could not parse JSON " + path + ": " + e.getOriginalMessage()
                        + "; check the file is valid JSON (use jsonLines(true) for one record per line)", e);
            }
            JsonNode selected = root.at(records);
            if (selected.isMissingNode()) {
                throw new DocumentLoadException("JSON " + path + " has nothing at records pointer '" + records + "'");
            }
            int[] seq = {0};
            Stream<JsonNode> items = selected.isArray()
                    ? Stream.iterate(0, i -> i < selected.size(), i -> i + 1).map(selected::get)
                    : Stream.of(selected);
            return items.map(item -> toDocument(item, ++seq[0]));
        });
    }

    private Stream<Document> lines() {
        BufferedReader[] reader = new BufferedReader[1];
        int[] lineNumber = {0};
        int[] seq = {0};
        return Stream.of(path).flatMap(p -> {
            try {
                reader[0] = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DocumentLoadException("could not read " + path + ": " + e + "; check it exists and is readable", e);
            }
            // BufferedReader.lines() would report a bad byte as an UncheckedIOException without the line
            return Stream.iterate(nextLine(reader[0], ++lineNumber[0]), Objects::nonNull,
                    previous -> nextLine(reader[0], ++lineNumber[0]));
        }).filter(line -> !line.isBlank()).map(line -> {
            int n = ++seq[0];
            try {
                return toDocument(MAPPER.readTree(line), n);
            } catch (JsonProcessingException e) {
                throw new DocumentLoadException("could not parse record " + n + " of JSON Lines " + path + " (line "
                        + lineNumber[0] + "): " + e.getOriginalMessage(), e);
            }
        }).onClose(() -> {
            try {
                if (reader[0] != null) {
                    reader[0].close();
                }
            } catch (IOException e) {
                throw new DocumentLoadException("could not close " + path + ": " + e, e);
            }
        });
    }

    private String nextLine(BufferedReader reader, int lineNumber) {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new DocumentLoadException("line " + lineNumber + " of JSON Lines " + path
                    + " is not valid UTF-8 (JSON Lines is UTF-8 by definition); re-encode the file as UTF-8", e);
        } catch (IOException e) {
            throw new DocumentLoadException("could not read line " + lineNumber + " of " + path + ": " + e, e);
        }
    }

    private Document toDocument(JsonNode record, int seq) {
        JsonNode node = record.at(text);
        if (node.isMissingNode() || node.isNull()) {
            throw new DocumentLoadException("record " + seq + " of " + path + " has no text at pointer '" + text
                    + "'; point text(...) at the field that holds the content");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(SOURCE, path.toString());
        meta.put("seq_num", seq);
        for (Map.Entry<String, JsonPointer> e : metadata.entrySet()) {
            JsonNode value = record.at(e.getValue());
            if (!value.isMissingNode() && !value.isNull()) {
                meta.put(e.getKey(), value.isNumber() ? value.numberValue()
                        : value.isBoolean() ? value.booleanValue() : value.isTextual() ? value.textValue() : value.toString());
            }
        }
        return Document.of(node.isTextual() ? node.textValue() : node.toString(), meta);
    }

    /** Settings for a {@link JsonLoader}. */
    public static final class Builder {
        private final Path path;
        private JsonPointer records = JsonPointer.empty();
        private JsonPointer text = JsonPointer.empty();
        private final Map<String, JsonPointer> metadata = new LinkedHashMap<>();
        private Boolean jsonLines;

        private Builder(Path path) {
            this.path = path;
        }

        /**
         * Where the array of records is in a JSON file, e.g. "/items" (ignored for JSON Lines).
         *
         * @param pointer a JSON Pointer
         * @return this builder
         */
        public Builder records(String pointer) {
            this.records = pointer(pointer);
            return this;
        }

        /**
         * Where the text is inside a record, e.g. "/content".
         *
         * @param pointer a JSON Pointer, relative to the record
         * @return this builder
         */
        public Builder text(String pointer) {
            this.text = pointer(pointer);
            return this;
        }

        /**
         * A metadata entry taken from each record, e.g. {@code metadata("author", "/sender/name")}.
         *
         * @param key the metadata key
         * @param pointer a JSON Pointer, relative to the record
         * @return this builder
         */
        public Builder metadata(String key, String pointer) {
            metadata.put(Objects.requireNonNull(key, "key"), pointer(pointer));
            return this;
        }

        /**
         * Whether each line is one record (default: by file extension).
         *
         * @param value true for JSON Lines
         * @return this builder
         */
        public Builder jsonLines(boolean value) {
            this.jsonLines = value;
            return this;
        }

        /** {@return the loader with these settings} */
        public JsonLoader build() {
            return new JsonLoader(this);
        }

        private static JsonPointer pointer(String expression) {
            try {
                return JsonPointer.compile(expression);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + expression + "' is not a JSON pointer; write it like \"/a/0/b\"", e);
            }
        }
    }
}
