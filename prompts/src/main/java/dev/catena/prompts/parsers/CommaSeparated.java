package dev.catena.prompts.parsers;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as Python's {@code csv.reader} does with LangChain's settings
 * (quote {@code "}, delimiter {@code ,}, spaces after a delimiter skipped): every row's items,
 * rows flattened; {@code ""} inside quotes is one quote.
 */
final class CommaSeparated {

    private CommaSeparated() {
    }

    static List<String> parse(CharSequence text) {
        return parse(text, new Resume());
    }

    /** Where the last item begins in the text, and whether it continues a row, so a stream can resume there. */
    static final class Resume {
        int lastStart;
        boolean lastContinuesRow;
    }

    /**
     * The items of {@code text}, read as if it followed a comma when {@code tail.lastContinuesRow}
     * is set on entry; on return {@code tail} says where the last item begins in the raw text and
     * whether it continues a row, so a stream can keep only that raw tail (quotes included) and
     * read it again, in the same state, when more text arrives.
     */
    static List<String> parse(CharSequence text, Resume tail) {
        List<String> items = new ArrayList<>();
        int n = text.length();
        int i = 0;
        boolean inRow = tail.lastContinuesRow; // after a comma a field follows, even an empty one at the end
        while (inRow || i < n) {
            if (!inRow && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
                i = skipLineEnd(text, i); // a blank line is an empty row: no items
                continue;
            }
            tail.lastStart = i;
            tail.lastContinuesRow = inRow;
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            StringBuilder field = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
            }
            while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                field.append(text.charAt(i));
                i++;
            }
            items.add(field.toString());
            if (i < n && text.charAt(i) == ',') {
                i++;
                inRow = true;
            } else {
                i = skipLineEnd(text, i);
                inRow = false;
            }
        }
        return items;
    }

    private static int skipLineEnd(CharSequence text, int i) {
        if (i < text.length() && text.charAt(i) == '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return i;
    }
}
