package dev.catena.prompts.parsers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.OutputParserException;
import dev.catena.core.components.RunConfig;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A JSON value from the model's text, as LangChain's {@code JsonOutputParser}: raw JSON, JSON in
 * a {@code ```json} fence, or JSON with prose around it (see {@link PartialJson}). Unfinished
 * JSON is closed, as LangChain does.
 *
 * <p>Streaming, it yields a progressively more complete value each time the text so far parses to
 * something new, so <code>{"name": "Ad</code> then {@code {"name": "Ada", "age": 36}}. The text is
 * read incrementally, so a long value streamed in small pieces costs time linear in its length
 * (each answer is still a fresh copy of the value so far). At the end
 * of the stream, text that never parsed is an {@link OutputParserException} (LangChain yields
 * nothing instead).
 */
public final class JsonOutputParser implements OutputParser<JsonNode> {

    @Override
    public JsonNode parse(String text) {
        JsonNode node = PartialJson.parseMarkdown(text);
        if (node == null) {
            throw new OutputParserException("invalid JSON output", text, "a JSON value, optionally in a ```json block");
        }
        return node;
    }

    @Override
    public String formatInstructions() {
        return "Return a JSON object.";
    }

    @Override
    public Stream<JsonNode> callTransform(Stream<Object> inputs, RunConfig config) {
        Iterator<Object> chunks = inputs.iterator();
        Iterator<JsonNode> values = new Iterator<>() {
            private final StringBuilder text = new StringBuilder();
            private final PartialJsonStream partial = new PartialJsonStream();
            private JsonNode previous;
            private JsonNode next;
            private boolean ended;

            @Override
            public boolean hasNext() {
                while (next == null && !ended) {
                    if (chunks.hasNext()) {
                        String chunk = OutputParser.textOf(chunks.next());
                        text.append(chunk);
                        JsonNode parsed = partial.append(chunk);
                        if (parsed != null && !parsed.equals(previous)) {
                            next = parsed;
                        }
                    } else {
                        ended = true;
                        if (previous == null) {
                            next = parse(text.toString()); // throws if the whole text never parsed
                        }
                    }
                }
                return next != null;
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                previous = next;
                next = null;
                return previous;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(values, 0), false).onClose(inputs::close);
    }

    @Override
    public String name() {
        return "JsonOutputParser";
    }
}
