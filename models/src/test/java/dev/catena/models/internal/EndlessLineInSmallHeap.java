package dev.catena.models.internal;

import java.io.IOException;
import okio.Buffer;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/**
 * Run in a JVM with a small heap by {@link SseReaderTest}: reads, with the clients' default
 * bounds, a stream whose one line never ends (1 GiB of bytes on offer). Prints "refused after N
 * bytes" and exits 0 when the reader gives up in time; an unbounded reader dies of
 * {@link OutOfMemoryError} instead.
 */
public final class EndlessLineInSmallHeap {

    private EndlessLineInSmallHeap() {
    }

    public static void main(String[] args) throws IOException {
        long[] delivered = {0};
        byte[] block = new byte[8192];
        java.util.Arrays.fill(block, (byte) 'a');
        block[0] = 'd';
        Source endless = new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                if (delivered[0] >= 1L << 30) {
                    return -1;
                }
                int n = (int) Math.min(byteCount, block.length);
                sink.write(block, 0, n);
                delivered[0] += n;
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
        try (SseReader reader = new SseReader(Okio.buffer(endless), SseReader.MAX_LINE_BYTES, SseReader.MAX_EVENT_CHARS)) {
            reader.next();
            System.out.println("no error after " + delivered[0] + " bytes");
            System.exit(2);
        } catch (MalformedResponse e) {
            System.out.println("refused after " + delivered[0] + " bytes: " + e.getMessage());
        }
    }
}
