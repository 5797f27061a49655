package dev.catena.prompts.parsers;

import dev.catena.core.components.RunConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A list of strings from the model's text: comma-separated (CSV rules: quoted items may hold
 * commas, spaces after commas are skipped), a numbered list ({@code 1. foo}) or a markdown list
 * ({@code - foo} or {@code * foo}), as LangChain's list parsers. Streaming yields each item, as a
 * one-item list, as soon as the item after it has begun.
 */
public final class ListOutputParser implements OutputParser<List<String>> {

    private enum Style { COMMA, NUMBERED, MARKDOWN }

    // LangChain's patterns. Python's \\d and \\s match any Unicode digit or space, and its ^ and $ see only \\n as a line end.
    private static final Pattern NUMBERED_ITEM = Pattern.compile("\\d+\\.\\s([^\\n]+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MARKDOWN_ITEM = Pattern.compile("^\\s*[-*]\\s([^\\n]+)$",
            Pattern.MULTILINE | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS);

    private final Style style;

    private ListOutputParser(Style style) {
        this.style = style;
    }

    /** {@return a parser for a comma-separated list, {@code foo, bar, baz}} */
    public static ListOutputParser commaSeparated() {
        return new ListOutputParser(Style.COMMA);
    }

    /** {@return a parser for a numbered list, {@code 1. foo} lines} */
    public static ListOutputParser numbered() {
        return new ListOutputParser(Style.NUMBERED);
    }

    /** {@return a parser for a bulleted list, {@code - foo} or {@code * foo} lines} */
    public static ListOutputParser markdown() {
        return new ListOutputParser(Style.MARKDOWN);
    }

    @Override
    public List<String> parse(String text) {
        if (style == Style.COMMA) {
            return CommaSeparated.parse(text);
        }
        List<String> items = new ArrayList<>();
        Matcher m = pattern().matcher(text);
        while (m.find()) {
            items.add(m.group(1));
        }
        return items;
    }

    private Pattern pattern() {
        return style == Style.NUMBERED ? NUMBERED_ITEM : MARKDOWN_ITEM;
    }

    @Override
    public String formatInstructions() {
        return switch (style) {
            // LangChain's words, as models are tuned on them.
            case COMMA -> "Your response should be a list of comma separated values, eg: `foo, bar, baz` or `foo,bar,baz`";
            case NUMBERED -> "Your response should be a numbered list with each item on a new line. For example: \n\n1. foo\n\n2. bar\n\n3. baz";
            case MARKDOWN -> "Your response should be a markdown list, eg: `- foo\n- bar\n- baz`";
        };
    }

    /**
     * Streams items as LangChain does, but ends with exactly what {@link #parse} gives for the whole
     * text: the parser resumes in the state it stopped in (inside a row after a comma, or at a line
     * start), where LangChain restarts on the cut text and can lose an empty item or a line start.
     */
    @Override
    public Stream<List<String>> callTransform(Stream<Object> inputs, RunConfig config) {
        Iterator<Object> chunks = inputs.iterator();
        Iterator<List<String>> items = new Iterator<>() {
            private final StringBuilder buffer = new StringBuilder();
            private final CommaSeparated.Resume tail = new CommaSeparated.Resume();
            private final List<List<String>> ready = new ArrayList<>();
            private int from; // regex styles: where the next match search starts in the buffer
            private boolean done;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && !done) {
                    if (chunks.hasNext()) {
                        buffer.append(OutputParser.textOf(chunks.next()));
                        emit(false);
                    } else {
                        done = true;
                        emit(true);
                    }
                }
                return !ready.isEmpty();
            }

            /** Emits every item followed by another (or all at the end); the last one may still grow. */
            private void emit(boolean end) {
                if (style == Style.COMMA) {
                    boolean continuesRow = tail.lastContinuesRow;
                    List<String> parts = CommaSeparated.parse(buffer, tail);
                    int complete = end ? parts.size() : parts.size() - 1;
                    for (int i = 0; i < complete; i++) {
                        ready.add(List.of(parts.get(i)));
                    }
                    if (!end && parts.size() > 1) {
                        buffer.delete(0, tail.lastStart); // keep the last item's raw text: an open quote must stay open
                    } else if (!end) {
                        tail.lastContinuesRow = continuesRow; // nothing consumed: read the same text in the same state again
                    }
                    return;
                }
                Matcher m = pattern().matcher(buffer);
                String previous = null;
                int previousEnd = from;
                int doneAt = from;
                boolean found = m.find(from);
                while (found) {
                    if (previous != null) {
                        ready.add(List.of(previous));
                        doneAt = previousEnd;
                    }
                    previous = m.group(1);
                    previousEnd = m.end();
                    found = m.find();
                }
                if (end && previous != null) {
                    ready.add(List.of(previous));
                }
                // Keep one character before the next search so '^' still sees whether it starts a line.
                int cut = Math.max(0, doneAt - 1);
                buffer.delete(0, cut);
                from = doneAt - cut;
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.remove(0);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, 0), false).onClose(inputs::close);
    }

    @Override
    public String name() {
        return switch (style) {
            case COMMA -> "CommaSeparatedListOutputParser";
            case NUMBERED -> "NumberedListOutputParser";
            case MARKDOWN -> "MarkdownListOutputParser";
        };
    }
}
