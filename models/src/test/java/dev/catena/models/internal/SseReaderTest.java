package dev.catena.models.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SseReaderTest {

    /** Hands out the bytes in reads of the given sizes (then one byte at a time), as a network would split them. */
    private static Source split(String text, Random random) {
        Buffer all = new Buffer().writeUtf8(text);
        return new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                if (all.size() == 0) {
                    return -1;
                }
                long n = Math.min(all.size(), random == null ? 1 : 1 + random.nextInt(7));
                sink.write(all, n);
                return n;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Every event and, last, the reconnection time as an event of type "retry". */
    private static List<SseEvent> read(String text, Random random) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        try (SseReader reader = new SseReader(Okio.buffer(split(text, random)), SseReader.MAX_LINE_BYTES,
                SseReader.MAX_EVENT_CHARS)) {
            SseEvent e;
            while ((e = reader.next()) != null) {
                events.add(e);
            }
            events.add(new SseEvent("retry", String.valueOf(reader.retryMillis()), ""));
        }
        return events;
    }

    private static List<SseEvent> read(String text) throws IOException {
        List<SseEvent> events = read(text, null);
        return events.subList(0, events.size() - 1);
    }

    /**
     * The HTML living standard's event-stream interpretation (section 9.2.6), written straight from
     * its text over the whole stream at once, as the oracle the streaming reader must agree with.
     */
    private static List<SseEvent> reference(String stream) {
        List<SseEvent> events = new ArrayList<>();
        if (stream.startsWith("\uFEFF")) {
            stream = stream.substring(1); // "One leading U+FEFF BYTE ORDER MARK character must be ignored"
        }
        StringBuilder data = new StringBuilder();
        String eventType = "";
        String lastEventIdBuffer = "";
        long reconnection = -1;
        int pos = 0;
        while (true) {
            // end-of-line = ( cr lf / cr / lf ); a line without one is the unfinished end of the file
            int cr = stream.indexOf('\r', pos);
            int lf = stream.indexOf('\n', pos);
            int end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
            if (end < 0) {
                break; // "Once the end of the file is reached, any pending data must be discarded."
            }
            String line = stream.substring(pos, end);
            pos = end + (stream.startsWith("\r\n", end) ? 2 : 1);
            if (line.isEmpty()) {
                // dispatch the event
                String lastEventId = lastEventIdBuffer;
                if (data.length() == 0) {
                    data.setLength(0);
                    eventType = "";
                    continue;
                }
                if (data.charAt(data.length() - 1) == '\n') {
                    data.setLength(data.length() - 1);
                }
                events.add(new SseEvent(eventType.isEmpty() ? "message" : eventType, data.toString(), lastEventId));
                data.setLength(0);
                eventType = "";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            String field;
            String value;
            int colon = line.indexOf(':');
            if (colon >= 0) {
                field = line.substring(0, colon);
                value = line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
            } else {
                field = line;
                value = "";
            }
            switch (field) {
                case "event" -> eventType = value;
                case "data" -> data.append(value).append('\n');
                case "id" -> {
                    if (!value.contains("\0")) {
                        lastEventIdBuffer = value;
                    }
                }
                case "retry" -> {
                    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        reconnection = Long.parseLong(value);
                    }
                }
                default -> {
                }
            }
        }
        events.add(new SseEvent("retry", String.valueOf(reconnection), ""));
        return events;
    }

    private static final String[] TOKENS = {
        "data", "data:", "data: ", "data:  two", "data: {\"a\":1}", "event", "event:", "event: ", "event: delta",
        "event:x", "id", "id:", "id: 7", "id: a\0b", "retry", "retry:", "retry: 3000", "retry:15", "retry: 1x",
        "retry: ", ":", ": keep-alive", "x", "x:y", "é", "中文", "\0", " ", "\t", ":data: no", "DATA: upper",
        "\uFEFF", "\r", "\n", "\r\n", "\r\n", "\n\n", "\r\r", "\n\r",
    };

    @Test
    void agreesWithTheSpecificationOnGeneratedStreamsHoweverTheBytesAreSplit() throws IOException {
        Random random = new Random(20_26);
        for (int i = 0; i < 10_000; i++) {
            StringBuilder stream = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
            int tokens = 1 + random.nextInt(30);
            for (int t = 0; t < tokens; t++) {
                stream.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            String text = stream.toString();
            List<SseEvent> expected = reference(text);
            assertThat(read(text, random)).as("stream #%d: %s", i, text.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            LF endings                 | data: a\\n\\n                          | message:a
            CRLF endings               | data: a\\r\\n\\r\\n                    | message:a
            lone CR endings            | data: a\\r\\r                          | message:a
            mixed endings              | data: a\\rdata: b\\r\\ndata: c\\n\\r    | message:a\\nb\\nc
            leading BOM                | \\uFEFFdata: a\\n\\n                   | message:a
            only one BOM skipped       | \\uFEFF\\uFEFFdata: a\\n\\n            | ""
            data without space         | data:a\\n\\n                           | message:a
            only one space removed     | data:  a\\n\\n                         | message: a
            field without colon        | data\\n\\n                             | message:
            two data without colon     | data\\ndata\\n\\n                      | message:\\n
            empty event is message     | event:\\ndata: a\\n\\n                 | message:a
            event type                 | event: delta\\ndata: a\\n\\n           | delta:a
            type resets per event      | event: x\\ndata: a\\n\\ndata: b\\n\\n  | x:a,message:b
            no data, no event          | event: x\\n\\ndata: b\\n\\n            | message:b
            comment                    | : hi\\ndata: a\\n\\n                   | message:a
            unknown field              | foo: bar\\ndata: a\\n\\n               | message:a
            cut event dropped          | data: a\\n\\ndata: b\\n                | message:a
            """)
    void handCases(String name, String stream, String expected) throws IOException {
        String text = unescape(stream);
        List<String> got = read(text).stream().map(e -> e.type() + ":" + e.data()).toList();
        List<String> want = expected.isEmpty() ? List.of() : List.of(unescape(expected).split(","));
        assertThat(got).as(name).isEqualTo(want);
        assertThat(read(text)).as("%s, against the reference", name).isEqualTo(reference(text).subList(0, reference(text).size() - 1));
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\uFEFF", "\uFEFF");
    }

    @Test
    void keepsTheLastEventIdAndTheRetryTime() throws IOException {
        List<SseEvent> events = read("id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\nid: x\0y\nretry: 2500\nretry: 1s\ndata: d\n\n", null);
        assertThat(events).containsExactly(new SseEvent("message", "a", "1"), new SseEvent("message", "b", "1"),
                new SseEvent("message", "c", ""), new SseEvent("message", "d", ""), new SseEvent("retry", "2500", ""));
    }

    @Test
    void joinsMultiLineDataWithNewlines() throws IOException {
        assertThat(read("data: {\"a\":\ndata: 1}\n\n")).containsExactly(new SseEvent("message", "{\"a\":\n1}"));
    }

    @Test
    void dropsCommentsAndEventsWithoutData() throws IOException {
        assertThat(read(": OPENROUTER PROCESSING\n\n\n\n: keep-alive\nevent: ping\n\ndata: x\n\n"))
                .containsExactly(new SseEvent("message", "x"));
    }

    @Test
    void discardsAnEventCutOffByTheEndOfTheStream() throws IOException {
        assertThat(read("data: whole\n\ndata: {\"cut")).containsExactly(new SseEvent("message", "whole"));
        assertThat(read("data: whole\n\ndata: complete line but no blank line\n")).hasSize(1);
    }

    @Test
    void dispatchesAnEventEndedByCrWithoutWaitingForMoreBytes() throws IOException {
        // a lone CR ends the blank line; the reader must not block to see whether an LF follows
        Buffer first = new Buffer().writeUtf8("data: now\r\r");
        Source thenBlocks = new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                if (first.size() == 0) {
                    throw new AssertionError("the reader asked for bytes after a complete event");
                }
                long n = first.size();
                sink.write(first, n);
                return n;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {
            }
        };
        SseReader reader = new SseReader(Okio.buffer(thenBlocks), 1024, 1024);
        assertThat(reader.next()).isEqualTo(new SseEvent("message", "now"));
    }

    @Test
    void readsTheRecordedAnthropicStream() throws IOException {
        String text = new String(SseReaderTest.class.getResourceAsStream("/wire/anthropic-stream-text.txt").readAllBytes(),
                StandardCharsets.UTF_8);
        List<SseEvent> events = read(text);
        assertThat(events).extracting(SseEvent::type).startsWith("message_start", "content_block_start", "ping")
                .endsWith("message_delta", "message_stop");
        for (SseEvent e : events) {
            assertThat(Json.tryParse(e.data()).get("type").asText()).isEqualTo(e.type());
        }
    }

    /** A server that never ends its line: 'a' forever, counting what the reader took. */
    private static final class Endless implements Source {
        final byte[] line;
        long delivered;

        Endless(String pattern) {
            this.line = pattern.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public long read(Buffer sink, long byteCount) {
            long n = Math.min(byteCount, 8192);
            for (long i = 0; i < n; i++) {
                sink.writeByte(line[(int) ((delivered + i) % line.length)]);
            }
            delivered += n;
            return n;
        }

        @Override
        public Timeout timeout() {
            return Timeout.NONE;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void refusesALineLongerThanTheBoundBeforeBufferingMuchMore() {
        Endless server = new Endless("data: aaaaaaaaaaaaaaaa");
        SseReader reader = new SseReader(Okio.buffer(server), 64 * 1024, 1 << 20);
        assertThatThrownBy(reader::next).isInstanceOf(MalformedResponse.class).hasMessageContaining("longer than 65536 bytes");
        assertThat(server.delivered).as("bytes read before giving up").isLessThanOrEqualTo(64 * 1024 + 2 * 8192);
    }

    @Test
    void refusesAnEventWhoseDataOutgrowsTheBound() {
        Endless server = new Endless("data: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
        SseReader reader = new SseReader(Okio.buffer(server), 1024, 100_000);
        assertThatThrownBy(reader::next).isInstanceOf(MalformedResponse.class)
                .hasMessageContaining("more than 100000 characters");
        assertThat(server.delivered).as("bytes read before giving up").isLessThanOrEqualTo(100_000 + 4 * 8192);
    }

    @Test
    void anEndlessLineIsRefusedInAJvmWithA32MegabyteHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                EndlessLineInSmallHeap.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the forked JVM's output").contains("refused after").doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).isZero();
    }
}
