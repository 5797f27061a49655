package dev.catena.models.internal;

import java.io.Closeable;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads server-sent events from a byte stream, as the HTML living standard defines them: lines
 * end in LF, CRLF or a lone CR; {@code data:} lines of one event are joined with {@code \n};
 * lines starting with {@code :} are comments (keep-alives); an event ends at a blank line and is
 * dispatched only if it had data, so comment-only and blank events are dropped. An event cut off
 * by the end of the stream is discarded, as the standard says, so a truncated payload is never
 * handed on as if it were whole. Reads block until a whole line has arrived, however the bytes
 * were split across network reads.
 */
public final class SseReader implements Closeable {

    private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");

    private final BufferedSource source;
    private final StringBuilder data = new StringBuilder();
    private String type;
    private boolean hasData;

    public SseReader(BufferedSource source) {
        this.source = source;
    }

    /** The next event, or null at the end of the stream. */
    public SseEvent next() throws IOException {
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                if (hasData) {
                    SseEvent event = new SseEvent(type == null ? "message" : type, data.toString());
                    reset();
                    return event;
                }
                reset();
                continue;
            }
            if (line.charAt(0) == ':') {
                continue; // comment, e.g. ": OPENROUTER PROCESSING"
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            int valueStart = colon < 0 ? line.length() : colon + 1;
            if (valueStart < line.length() && line.charAt(valueStart) == ' ') {
                valueStart++;
            }
            switch (field) {
                case "data" -> {
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(line, valueStart, line.length());
                    hasData = true;
                }
                case "event" -> type = line.substring(valueStart);
                default -> {
                    // "id", "retry" and unknown fields do not matter to model streams
                }
            }
        }
        return null;
    }

    private void reset() {
        data.setLength(0);
        type = null;
        hasData = false;
    }

    /** One line without its terminator, or null at the end of the stream (a last unterminated line is dropped with its event). */
    private String readLine() throws IOException {
        long end = source.indexOfElement(LINE_ENDS);
        if (end < 0) {
            return null;
        }
        Buffer buffer = source.getBuffer();
        String line = buffer.readUtf8(end);
        byte terminator = buffer.readByte();
        if (terminator == '\r' && source.request(1) && buffer.getByte(0) == '\n') {
            buffer.skip(1);
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
