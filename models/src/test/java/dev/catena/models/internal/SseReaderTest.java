package dev.catena.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    /** Hands out one byte per read, as a slow network would. */
    private static Source oneByteAtATime(String text) {
        Buffer all = new Buffer().writeUtf8(text);
        return new Source() {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                if (all.size() == 0) {
                    return -1;
                }
                sink.writeByte(all.readByte());
                return 1;
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

    private static List<SseEvent> read(String text) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        try (SseReader reader = new SseReader(Okio.buffer(oneByteAtATime(text)))) {
            SseEvent e;
            while ((e = reader.next()) != null) {
                events.add(e);
            }
        }
        return events;
    }

    @Test
    void joinsMultiLineDataWithNewlines() throws IOException {
        assertThat(read("data: {\"a\":\ndata: 1}\n\n")).containsExactly(new SseEvent("message", "{\"a\":\n1}"));
    }

    @Test
    void acceptsCrLfAndLoneCrLineEnds() throws IOException {
        assertThat(read("data: one\r\n\r\ndata: two\r\rdata: three\n\n")).extracting(SseEvent::data)
                .containsExactly("one", "two", "three");
    }

    @Test
    void dropsCommentsAndEventsWithoutData() throws IOException {
        assertThat(read(": OPENROUTER PROCESSING\n\n\n\n: keep-alive\nevent: ping\n\ndata: x\n\n"))
                .containsExactly(new SseEvent("message", "x"));
    }

    @Test
    void readsEventTypesAndStripsOnlyOneLeadingSpace() throws IOException {
        assertThat(read("event: message_start\ndata:  {\"type\": \"message_start\"}\n\ndata:no-space\n\n")).containsExactly(
                new SseEvent("message_start", " {\"type\": \"message_start\"}"), new SseEvent("message", "no-space"));
    }

    @Test
    void discardsAnEventCutOffByTheEndOfTheStream() throws IOException {
        assertThat(read("data: whole\n\ndata: {\"cut")).containsExactly(new SseEvent("message", "whole"));
        assertThat(read("data: whole\n\ndata: complete line but no blank line\n")).hasSize(1);
    }

    @Test
    void readsTheRecordedAnthropicStream() throws IOException {
        String text = new String(SseReaderTest.class.getResourceAsStream("/wire/anthropic-stream-text.txt").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        List<SseEvent> events = read(text);
        assertThat(events).extracting(SseEvent::type).startsWith("message_start", "content_block_start", "ping")
                .endsWith("message_delta", "message_stop");
        for (SseEvent e : events) {
            assertThat(Json.tryParse(e.data()).get("type").asText()).isEqualTo(e.type());
        }
    }
}
