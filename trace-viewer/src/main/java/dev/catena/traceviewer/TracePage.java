package dev.catena.traceviewer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a trace written by {@code JsonLinesTracer} into one self-contained HTML page: the run tree
 * with a waterfall of timings, status and errors, tokens and cost per run and rolled up, the
 * messages, outputs, documents and tool calls of each run, a filter by kind, a text search, and
 * {@code #run=<id>} in the address to open one run. The page loads nothing from the network: its
 * styles, script and data are inline, and its content security policy forbids anything else.
 *
 * <p>Trace content is data, never markup: the JSON is embedded with {@code <}, {@code >} and
 * {@code &} escaped, so a {@code </script>} in a model's output cannot end the data block, and the
 * page's script puts every value into the page as text. The page shows what the tracer wrote,
 * with its secrets already masked; it unmasks nothing.
 *
 * <pre>{@code
 * Path page = TracePage.write(Path.of("runs.jsonl"), Path.of("runs.html"));
 * }</pre>
 *
 * <p>Cost needs prices: a run whose metadata holds {@code input_price_per_million} and
 * {@code output_price_per_million} (US dollars per million tokens) is priced; tokens used by a run
 * without them make the cost "unknown", never zero.
 */
public final class TracePage {

    private static final ObjectMapper SCRIPT_SAFE = new ObjectMapper(
            new JsonFactory().setCharacterEscapes(new ScriptSafeEscapes()));
    private static final String TEMPLATE = loadTemplate();
    private static final Pattern PLACEHOLDER = Pattern.compile("%(TITLE|CONFIG|DATA)%");

    private TracePage() {
    }

    /**
     * Writes the page for a trace file (or a folder of them) to {@code page}; returns {@code page}.
     *
     * @param trace a trace file or a folder of trace files
     * @param page the HTML file to write, replaced if it exists
     * @return {@code page}
     */
    public static Path write(Path trace, Path page) {
        String html = html(title(trace), TraceReader.read(trace));
        try {
            Files.writeString(page, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace page to " + page, e);
        }
        return page;
    }

    /**
     * The page for a trace file (or a folder of them), as HTML text.
     *
     * @param trace a trace file or a folder of trace files
     * @return the self-contained HTML page
     */
    public static String html(Path trace) {
        return html(title(trace), TraceReader.read(trace));
    }

    static String html(String title, List<ObjectNode> runs) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("title", title);
        config.put("live", false);
        return html(title, RunTree.build(runs), config);
    }

    /** The page around prepared data; the live server passes its polling settings in {@code config}. */
    static String html(String title, ObjectNode data, ObjectNode config) {
        Objects.requireNonNull(title, "title");
        // One pass over the template, so text inserted for one placeholder is never taken for another.
        Map<String, String> values = Map.of("%TITLE%", escapeHtml(title), "%CONFIG%", scriptJson(config),
                "%DATA%", scriptJson(data));
        Matcher m = PLACEHOLDER.matcher(TEMPLATE);
        StringBuilder out = new StringBuilder(TEMPLATE.length() + values.get("%DATA%").length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** JSON safe inside a {@code <script>} element: no character of it can start a tag or an entity. */
    static String scriptJson(JsonNode node) {
        try {
            return SCRIPT_SAFE.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Escapes, inside JSON strings (the only place JSON has them), what HTML or JavaScript would read as code. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Line and paragraph separators end a line in older JavaScript: escape them too.
            return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029") : null;
        }
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String title(Path trace) {
        Path name = trace.toAbsolutePath().normalize().getFileName();
        return name == null ? trace.toString() : name.toString();
    }

    private static String loadTemplate() {
        try (InputStream in = TracePage.class.getResourceAsStream("viewer.html")) {
            if (in == null) {
                throw new IllegalStateException("viewer.html is missing from the catena-trace-viewer jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read viewer.html from the catena-trace-viewer jar", e);
        }
    }
}
