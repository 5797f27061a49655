package dev.catena.retrieval.loaders;

import dev.catena.core.documents.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Loads an HTML page as one document of its visible text (jsoup), with metadata {@code source},
 * {@code title}, {@code language} (when the page declares one) and {@code links}: the absolute
 * targets of its {@code <a href>}s, in order, without duplicates.
 *
 * <p>Scripts, styles, templates and elements marked {@code hidden} are left out; block elements
 * (paragraphs, headings, list items, table rows…) start new lines so paragraphs stay apart for the
 * splitters.
 */
public final class HtmlLoader implements DocumentLoader {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "nav",
            "aside", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "blockquote", "pre",
            "br", "hr", "dd", "dt", "dl", "figure", "figcaption", "form", "fieldset", "address", "details", "summary");
    private static final String INVISIBLE = "script, style, noscript, template, head, [hidden], [aria-hidden=true]";

    private final Path path;
    private final String html;
    private final String source;

    private HtmlLoader(Path path, String html, String source) {
        this.path = path;
        this.html = html;
        this.source = source;
    }

    /**
     * {@return a loader for an HTML file (charset detected from the bytes)}
     *
     * @param path the HTML file
     */
    public static HtmlLoader of(Path path) {
        Objects.requireNonNull(path, "path");
        return new HtmlLoader(path, null, path.toString());
    }

    /**
     * {@return a loader for HTML already in memory, e.g. a fetched page; {@code source} is its URL}
     *
     * @param html the HTML text
     * @param source where it came from, put in the {@code source} metadata
     */
    public static HtmlLoader ofHtml(String html, String source) {
        return new HtmlLoader(null, Objects.requireNonNull(html, "html"), Objects.requireNonNull(source, "source"));
    }

    @Override
    public Stream<Document> lazyLoad() {
        return Stream.of(source).map(s -> read());
    }

    private Document read() {
        String content = html != null ? html : TextFileLoader.readText(path);
        String baseUri = path != null ? path.toAbsolutePath().toUri().toString() : source;
        org.jsoup.nodes.Document page = Jsoup.parse(content, baseUri);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(SOURCE, source);
        metadata.put("title", page.title());
        String language = page.select("html").attr("lang");
        if (!language.isBlank()) {
            metadata.put("language", language);
        }
        Set<String> links = new LinkedHashSet<>();
        for (Element a : page.select("a[href]")) {
            String href = a.absUrl("href");
            links.add(href.isEmpty() ? a.attr("href") : href);
        }
        metadata.put("links", List.copyOf(links));
        page.select(INVISIBLE).remove();
        return Document.of(visibleText(page.body()), metadata);
    }

    /** The text of an element, a line per block, whitespace inside a line collapsed as a browser does. */
    static String visibleText(Element root) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    appendCollapsed(line, t.getWholeText());
                } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(line, lines);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(line, lines);
                }
            }
        });
        flush(line, lines);
        return String.join("\n", lines);
    }

    private static void appendCollapsed(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || c == '\u00a0';
            if (space) {
                if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                    line.append(' ');
                }
            } else {
                line.append(c);
            }
        }
    }

    private static void flush(StringBuilder line, List<String> lines) {
        String text = line.toString().strip();
        if (!text.isEmpty()) {
            lines.add(text);
        }
        line.setLength(0);
    }
}
