package dev.catena.prompts.parsers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON value in a model's text as it streams in, equal after each chunk to
 * {@link PartialJson#parseMarkdown} of the whole text so far, but read incrementally: each
 * character is read once, so a long value streamed in small chunks costs time linear in its
 * length (plus a copy of the value for each answer), where parsing the text again per chunk is
 * quadratic. The usual shapes are read incrementally: a bare value, one after a {@code ```json}
 * fence, one after prose. Rarer ones (a fence after the value has begun, text that starts like a
 * scalar, malformed JSON) are answered by parsing the whole text, as before.
 */
final class PartialJsonStream {

    private static final String STRIP = " \n\r\t`";

    private final StringBuilder text = new StringBuilder();
    private int fence = -1;         // where the first ``` is, or -1
    private int regionStart = -1;   // where the JSON read incrementally begins, or -1 while undecided
    private boolean wholeText;      // answer by parsing the whole text
    private JsonPrefixReader reader;
    private int fed;                // how much of the text the reader has read

    /** Adds a chunk and returns the value so far, or null while there is none. */
    JsonNode append(CharSequence chunk) {
        int before = text.length();
        text.append(chunk);
        if (fence < 0) {
            int found = text.indexOf("```", Math.max(0, before - 2));
            if (found >= 0) {
                fence = found;
                regionStart = -1; // the fence changes where the JSON is: decide again
                reader = null;
            }
        }
        if (!wholeText && regionStart < 0) {
            decideRegion();
        }
        if (wholeText) {
            return PartialJson.parseMarkdown(text.toString());
        }
        if (regionStart < 0) {
            return null;
        }
        if (reader == null) {
            reader = JsonPrefixReader.building();
            fed = regionStart;
        }
        int end = text.length();
        while (end > fed && STRIP.indexOf(text.charAt(end - 1)) >= 0) {
            end--; // trailing spaces and backticks are stripped before parsing, so they wait for what follows
        }
        while (fed < end && !reader.rootDone() && !reader.failed()) {
            reader.accept(text.charAt(fed++));
        }
        if (reader.failed()) {
            return PartialJson.parseMarkdown(text.toString());
        }
        return reader.snapshot();
    }

    /** Finds where the JSON begins, the way {@link PartialJson#parseMarkdown} would look for it. */
    private void decideRegion() {
        int from = 0;
        if (fence >= 0) {
            int lead = firstNonStrip(0, fence);
            if (lead >= 0) {
                char c = text.charAt(lead);
                if (c == '{' || c == '[' || startsScalar(c)) {
                    wholeText = true; // the text may parse as it stands before the fence is used
                    return;
                }
            }
            from = fence + 3;
            int left = text.length() - from;
            if (left < 4 && "json".startsWith(text.substring(from))) {
                return; // "```js" may yet become "```json"
            }
            if (left >= 4 && text.indexOf("json", from) == from) {
                from += 4;
            }
        }
        int lead = firstNonStrip(from, text.length());
        if (lead < 0) {
            return;
        }
        char c = text.charAt(lead);
        if (c == '{' || c == '[') {
            regionStart = lead;
        } else if (startsScalar(c)) {
            wholeText = true;
        } else {
            for (int i = lead + 1; i < text.length(); i++) {
                char b = text.charAt(i);
                if (b == '{' || b == '[') {
                    regionStart = i;
                    return;
                }
            }
        }
    }

    private int firstNonStrip(int from, int to) {
        for (int i = from; i < to; i++) {
            if (STRIP.indexOf(text.charAt(i)) < 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsScalar(char c) {
        return c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n' || c == 'N' || c == 'I';
    }
}
