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

    static List<String> parse(String text) {
        return parse(text, new int[1]);
    }

    /**
     * The items, and in {@code lastStart[0]} where the last item begins in the raw text, so a
     * stream can keep that raw tail (quotes included) while it may still grow.
     */
    static List<String> parse(String text, int[] lastStart) {
        List<String> items = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            // one row
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                i = skipLineEnd(text, i); // a blank line is an empty row: no items
                continue;
            }
            while (true) {
                lastStart[0] = i;
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
                    continue;
                }
                i = skipLineEnd(text, i);
                break;
            }
        }
        return items;
    }

    private static int skipLineEnd(String text, int i) {
        if (i < text.length() && text.charAt(i) == '\r') {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return i;
    }
}
