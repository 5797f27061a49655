package dev.catena.retrieval.splitters;

import dev.catena.core.documents.Document;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown into sections at the headers you name, putting the header path into each
 * section's metadata, as LangChain's {@code MarkdownHeaderTextSplitter}: with headers
 * {@code ("#", "Header 1"), ("##", "Header 2")} the text under {@code ## Bar} inside {@code # Foo}
 * gets {@code {Header 1=Foo, Header 2=Bar}}. Fenced code blocks ({@code ```} or {@code ~~~}) are
 * never split. Lines are trimmed; lines of one section are joined with {@code "  \n"} as LangChain
 * does. Chunk the sections further with a {@link TextSplitter} if they are long.
 */
public final class MarkdownHeaderTextSplitter {

    private record Header(String marker, String name) {
    }

    private record Line(String content, Map<String, Object> metadata) {
    }

    private record OpenHeader(int level, String name) {
    }

    private final List<Header> headers;
    private final Map<String, Integer> customLevels;
    private final Map<String, Pattern> customPatterns = new HashMap<>();
    private final boolean stripHeaders;
    private final boolean returnEachLine;

    private MarkdownHeaderTextSplitter(Builder b) {
        if (b.headers.isEmpty()) {
            throw new IllegalArgumentException("no headers to split on; add at least one, e.g. header(\"#\", \"Header 1\")");
        }
        List<Header> sorted = new ArrayList<>(b.headers);
        sorted.sort(Comparator.comparingInt((Header h) -> h.marker().length()).reversed()); // longest marker first
        this.headers = List.copyOf(sorted);
        this.customLevels = Map.copyOf(b.customLevels);
        for (String marker : customLevels.keySet()) {
            String q = Pattern.quote(marker);
            customPatterns.put(marker, Pattern.compile("^" + q + "(?!" + q + ")(.+?)(?<!" + q + ")" + q + "$"));
        }
        this.stripHeaders = b.stripHeaders;
        this.returnEachLine = b.returnEachLine;
    }

    /**
     * Settings for a new splitter.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Splits one Markdown text into sections with header metadata.
     *
     * @param markdown the Markdown text
     * @return the sections (or lines), in order
     */
    public List<Document> split(String markdown) {
        List<Line> lines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        Map<String, Object> currentMetadata = new LinkedHashMap<>();
        Map<String, Object> headerMetadata = new LinkedHashMap<>();
        Deque<OpenHeader> stack = new ArrayDeque<>();
        boolean inCode = false;
        String fence = "";

        for (String raw : markdown.split("\n", -1)) {
            String line = printable(strip(raw));
            if (!inCode) {
                if (line.startsWith("```") && count(line, "```") == 1) {
                    inCode = true;
                    fence = "```";
                } else if (line.startsWith("~~~")) {
                    inCode = true;
                    fence = "~~~";
                }
            } else if (line.startsWith(fence)) {
                inCode = false;
                fence = "";
            }
            if (inCode) {
                current.add(line);
                continue;
            }
            Header matched = null;
            boolean custom = false;
            for (Header h : headers) {
                boolean standard = line.startsWith(h.marker())
                        && (line.length() == h.marker().length() || line.charAt(h.marker().length()) == ' ');
                custom = !standard && isCustomHeader(line, h.marker());
                if (standard || custom) {
                    matched = h;
                    break;
                }
            }
            if (matched != null) {
                String marker = matched.marker();
                int level = customLevels.getOrDefault(marker, count(marker, "#"));
                while (!stack.isEmpty() && stack.peek().level() >= level) {
                    headerMetadata.remove(stack.pop().name());
                }
                stack.push(new OpenHeader(level, matched.name()));
                String text = custom ? line.substring(marker.length(), line.length() - marker.length())
                        : line.substring(marker.length());
                headerMetadata.put(matched.name(), strip(text));
                if (!current.isEmpty()) {
                    lines.add(new Line(String.join("\n", current), new LinkedHashMap<>(currentMetadata)));
                    current.clear();
                }
                if (!stripHeaders) {
                    current.add(line);
                }
            } else if (!line.isEmpty()) {
                current.add(line);
            } else if (!current.isEmpty()) {
                lines.add(new Line(String.join("\n", current), new LinkedHashMap<>(currentMetadata)));
                current.clear();
            }
            currentMetadata = new LinkedHashMap<>(headerMetadata);
        }
        if (!current.isEmpty()) {
            lines.add(new Line(String.join("\n", current), currentMetadata));
        }
        if (returnEachLine) {
            List<Document> out = new ArrayList<>(lines.size());
            for (Line l : lines) {
                out.add(Document.of(l.content(), l.metadata()));
            }
            return out;
        }
        return aggregate(lines);
    }

    /**
     * Whether the line is a custom header for {@code marker}: the marker once at each end (not
     * doubled) around text that is not only marker characters, as LangChain's
     * {@code _is_custom_header}.
     */
    private boolean isCustomHeader(String line, String marker) {
        Pattern pattern = customPatterns.get(marker);
        if (pattern == null) {
            return false;
        }
        Matcher m = pattern.matcher(line);
        if (!m.find()) {
            return false;
        }
        String content = strip(m.group(1));
        if (content.isEmpty()) {
            return false;
        }
        return !content.replace(" ", "").chars().allMatch(c -> marker.indexOf(c) >= 0);
    }

    /**
     * Splits each document, adding header metadata to the document's own.
     *
     * @param documents the documents to split
     * @return the sections of all documents, in order
     */
    public List<Document> splitDocuments(List<Document> documents) {
        List<Document> out = new ArrayList<>();
        for (Document d : documents) {
            for (Document section : split(d.text())) {
                Map<String, Object> metadata = new LinkedHashMap<>(d.metadata());
                metadata.putAll(section.metadata());
                out.add(Document.of(section.text(), metadata));
            }
        }
        return out;
    }

    /** Joins consecutive lines with equal metadata (and a kept header with its first sub-section). */
    private List<Document> aggregate(List<Line> lines) {
        List<String> contents = new ArrayList<>();
        List<Map<String, Object>> metadatas = new ArrayList<>();
        for (Line line : lines) {
            int last = contents.size() - 1;
            if (last >= 0 && metadatas.get(last).equals(line.metadata())) {
                contents.set(last, contents.get(last) + "  \n" + line.content());
            } else if (last >= 0 && metadatas.get(last).size() < line.metadata().size()
                    && lastLineStartsWithHash(contents.get(last)) && !stripHeaders) {
                contents.set(last, contents.get(last) + "  \n" + line.content());
                metadatas.set(last, line.metadata());
            } else {
                contents.add(line.content());
                metadatas.add(line.metadata());
            }
        }
        List<Document> out = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            out.add(Document.of(contents.get(i), metadatas.get(i)));
        }
        return out;
    }

    private static boolean lastLineStartsWithHash(String content) {
        String lastLine = content.substring(content.lastIndexOf('\n') + 1);
        return !lastLine.isEmpty() && lastLine.charAt(0) == '#';
    }

    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && PythonWhitespace.is(s.charAt(from))) {
            from++;
        }
        while (to > from && PythonWhitespace.is(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Drops what Python's {@code str.isprintable} rejects (e.g. a byte-order mark), keeping spaces. */
    private static String printable(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean keep = cp == ' ' || isPrintable(cp);
            if (!keep && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            } else if (keep && b != null) {
                b.appendCodePoint(cp);
            }
            i += n;
        }
        return b == null ? s : b.toString();
    }

    private static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    /** Settings for a {@link MarkdownHeaderTextSplitter}. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>();
        private final Map<String, Integer> customLevels = new HashMap<>();
        private boolean stripHeaders = true;
        private boolean returnEachLine;

        private Builder() {
        }

        /**
         * A header marker such as "##" and the metadata key its text goes under, e.g. "Header 2".
         *
         * @param marker the header marker
         * @param metadataKey the metadata key for the header's text
         * @return this builder
         */
        public Builder header(String marker, String metadataKey) {
            headers.add(new Header(Objects.requireNonNull(marker, "marker"), Objects.requireNonNull(metadataKey, "key")));
            return this;
        }

        /**
         * Also treats a line wrapped in {@code marker} as a header of {@code level}, as LangChain's
         * {@code custom_header_patterns}: with {@code header("**", "Section")} and
         * {@code customHeaderPattern("**", 1)} the line {@code **Intro**} opens a level-1 section
         * named "Intro". The marker must also be named with {@link #header}; a marker line
         * written the standard way ({@code ** Intro}) gets this level too.
         *
         * @param marker the text wrapped around the header line
         * @param level  the header level, 1 or more
         * @return this builder
         * @throws IllegalArgumentException if the marker is empty or the level is below 1
         */
        public Builder customHeaderPattern(String marker, int level) {
            Objects.requireNonNull(marker, "marker");
            if (marker.isEmpty()) {
                throw new IllegalArgumentException("a custom header marker must not be empty, e.g. \"**\"");
            }
            if (level < 1) {
                throw new IllegalArgumentException("a header level is 1 or more, was " + level + " for " + marker);
            }
            customLevels.put(marker, level);
            return this;
        }

        /**
         * Whether header lines are left out of the section text (default true).
         *
         * @param value true to leave header lines out
         * @return this builder
         */
        public Builder stripHeaders(boolean value) {
            this.stripHeaders = value;
            return this;
        }

        /**
         * Whether every line (rather than every section) becomes a document (default false).
         *
         * @param value true for one document per line
         * @return this builder
         */
        public Builder returnEachLine(boolean value) {
            this.returnEachLine = value;
            return this;
        }

        /**
         * Builds the splitter.
         *
         * @return the configured splitter
         */
        public MarkdownHeaderTextSplitter build() {
            return new MarkdownHeaderTextSplitter(this);
        }
    }
}
