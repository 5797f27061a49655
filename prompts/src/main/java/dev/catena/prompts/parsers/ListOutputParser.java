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

    private static final Pattern NUMBERED_ITEM = Pattern.compile("\\d+\\.\\s([^\\n]+)");
    private static final Pattern MARKDOWN_ITEM = Pattern.compile("^\\s*[-*]\\s([^\\n]+)$", Pattern.MULTILINE);

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
            case COMMA -> "Answer with a list of values separated by commas, for example: `foo, bar, baz` or `foo,bar,baz`";
            case NUMBERED -> "Answer with a numbered list, one item per line. For example: \n\n1. foo\n\n2. bar\n\n3. baz";
            case MARKDOWN -> "Answer with a markdown list, for example: `- foo\n- bar\n- baz`";
        };
    }

    @Override
    public Stream<List<String>> callTransform(Stream<Object> inputs, RunConfig config) {
        Iterator<Object> chunks = inputs.iterator();
        Iterator<List<String>> items = new Iterator<>() {
            private final StringBuilder buffer = new StringBuilder();
            private final List<List<String>> ready = new ArrayList<>();
            private boolean done;

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && !done) {
                    if (chunks.hasNext()) {
                        buffer.append(OutputParser.textOf(chunks.next()));
                        emitComplete();
                    } else {
                        done = true;
                        parse(buffer.toString()).forEach(item -> ready.add(List.of(item)));
                    }
                }
                return !ready.isEmpty();
            }

            /** Items followed by another item are complete; the last one may still grow. */
            private void emitComplete() {
                if (style == Style.COMMA) {
                    int[] lastStart = new int[1];
                    List<String> parts = CommaSeparated.parse(buffer.toString(), lastStart);
                    if (parts.size() > 1) {
                        parts.subList(0, parts.size() - 1).forEach(p -> ready.add(List.of(p)));
                        // Keep the last item's raw text, not its parsed value: an open quote must stay
                        // open, or a comma inside it would split the item (LangChain keeps the parsed value).
                        buffer.delete(0, lastStart[0]);
                    }
                    return;
                }
                Matcher m = pattern().matcher(buffer);
                int doneAt = 0;
                String previous = null;
                int previousEnd = 0;
                while (m.find()) {
                    if (previous != null) {
                        ready.add(List.of(previous));
                        doneAt = previousEnd;
                    }
                    previous = m.group(1);
                    previousEnd = m.end();
                }
                buffer.delete(0, doneAt);
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
