package dev.catena.models.internal;

import java.io.Closeable;
import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Reads server-sent events from a byte stream exactly as the HTML living standard's
 * event-stream interpretation says: one leading byte order mark is skipped; lines end in LF,
 * CRLF or a lone CR (in any mix, however the bytes are split across network reads, and a CR is
 * never held back waiting to see whether an LF follows); a line starting with {@code :} is a
 * comment; {@code field:value} loses one space after the colon, and a line without a colon is a
 * field with an empty value; {@code data} lines are joined with {@code \n}, {@code event} sets the
 * type (empty means "message"), {@code id} sets the last event id unless it contains NUL,
 * {@code retry} with only ASCII digits sets the reconnection time, other fields are ignored; a
 * blank line dispatches the event if its data buffer is not empty. An event cut off by the end of
 * the stream is discarded, as the standard says, so a truncated payload is never handed on as if
 * it were whole.
 *
 * <p>Memory is bounded: a line longer than {@code maxLineBytes}, or an event whose data grows
 * past {@code maxEventChars}, fails with {@link MalformedResponse} before more is buffered, so a
 * server that never ends a line cannot exhaust the heap.
 */
public final class SseReader implements Closeable {

    /** The longest line the clients accept: 4 MiB (a whole image in base64 fits; a runaway line does not). */
    public static final long MAX_LINE_BYTES = 4L * 1024 * 1024;
    /** The most data one event may carry: 16 Mi characters. */
    public static final int MAX_EVENT_CHARS = 16 * 1024 * 1024;

    private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
    private static final ByteString BOM = ByteString.decodeHex("efbbbf");

    private final BufferedSource source;
    private final long maxLineBytes;
    private final int maxEventChars;
    private final StringBuilder data = new StringBuilder();
    private String type = "";
    private String lastEventId = "";
    private long retryMillis = -1;
    private boolean started;
    private boolean afterCr;

    /** A reader with these bounds on one line (in bytes) and on one event's data (in characters). */
    public SseReader(BufferedSource source, long maxLineBytes, int maxEventChars) {
        this.source = source;
        this.maxLineBytes = maxLineBytes;
        this.maxEventChars = maxEventChars;
    }

    /** The next event, or null at the end of the stream. */
    public SseEvent next() throws IOException {
        if (!started) {
            started = true;
            if (source.rangeEquals(0, BOM)) {
                source.skip(BOM.size());
            }
        }
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                SseEvent event = dispatch();
                if (event != null) {
                    return event;
                }
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
            String value = line.substring(valueStart);
            switch (field) {
                case "data" -> {
                    if (data.length() + value.length() + 1 > maxEventChars) {
                        throw new MalformedResponse("a stream event with more than " + maxEventChars
                                + " characters of data; the server is not sending a model stream");
                    }
                    data.append(value).append('\n');
                }
                case "event" -> type = value;
                case "id" -> {
                    if (value.indexOf('\0') < 0) {
                        lastEventId = value;
                    }
                }
                case "retry" -> {
                    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        try {
                            retryMillis = Long.parseLong(value);
                        } catch (NumberFormatException tooLong) {
                            // more digits than a long holds: ignored, as any value the reader cannot use
                        }
                    }
                }
                default -> {
                    // unknown fields are ignored
                }
            }
        }
        return null;
    }

    /** The event the buffers hold (null when the data buffer is empty); the buffers are reset either way. */
    private SseEvent dispatch() {
        SseEvent event = null;
        if (data.length() > 0) {
            data.setLength(data.length() - 1); // the last line's LF
            event = new SseEvent(type.isEmpty() ? "message" : type, data.toString(), lastEventId);
        }
        data.setLength(0);
        type = "";
        return event;
    }

    /** The reconnection time the server asked for with {@code retry:}, or -1 if it did not. */
    public long retryMillis() {
        return retryMillis;
    }

    /**
     * One line without its terminator, or null at the end of the stream (a last unterminated line is
     * dropped with its event). Asks the source for more bytes only while no line end is buffered,
     * and never buffers more than one read past {@code maxLineBytes}.
     */
    private String readLine() throws IOException {
        Buffer buffer = source.getBuffer();
        if (afterCr) {
            // the previous line ended in CR: an LF that follows belongs to it (CRLF)
            if (buffer.size() == 0 && !source.request(1)) {
                return null;
            }
            afterCr = false;
            if (buffer.getByte(0) == '\n') {
                buffer.skip(1);
            }
        }
        long scanned = 0;
        long end;
        while ((end = buffer.indexOfElement(LINE_ENDS, scanned)) < 0) {
            scanned = buffer.size();
            if (scanned > maxLineBytes) {
                throw new MalformedResponse("a stream line longer than " + maxLineBytes
                        + " bytes; the server is not sending a model stream");
            }
            if (!source.request(scanned + 1)) {
                return null;
            }
        }
        if (end > maxLineBytes) {
            throw new MalformedResponse("a stream line longer than " + maxLineBytes
                    + " bytes; the server is not sending a model stream");
        }
        String line = buffer.readUtf8(end);
        afterCr = buffer.readByte() == '\r';
        return line;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
