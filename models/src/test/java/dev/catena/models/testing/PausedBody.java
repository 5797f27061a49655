package dev.catena.models.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A streamed response body that sends its first part, then holds the rest back until the test
 * calls {@link #release()}. A client that delivers the first chunk while the rest is held is
 * streaming; one that waits for the whole body never gets it. After the rest, the body keeps
 * sending SSE keep-alive comments for a while, so a client that hung up (cancelled the call) is
 * seen as a failed write.
 */
public final class PausedBody implements MockResponseBody {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String first;
    private final String rest;
    private final Duration keepAlive;
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private volatile boolean restSent;

    /** Sends {@code first}, waits, sends {@code rest}, then keep-alives for {@code keepAlive} (zero: end there). */
    public PausedBody(String first, String rest, Duration keepAlive) {
        this.first = first;
        this.rest = rest;
        this.keepAlive = keepAlive;
    }

    /** A 200 event-stream response with this body. */
    public MockResponse response() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(this).build();
    }

    @Override
    public long getContentLength() {
        return -1; // chunked, so the client cannot know the end before it arrives
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        try {
            sink.writeUtf8(first).flush();
            if (!released.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the test never released the rest of the body");
            }
            sink.writeUtf8(rest).flush();
            restSent = true;
            long end = System.nanoTime() + keepAlive.toNanos();
            while (System.nanoTime() < end) {
                sink.writeUtf8(": keep-alive\n\n").flush();
                Thread.sleep(10);
            }
        } catch (IOException e) {
            hungUp.countDown();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the rest of the body go. */
    public void release() {
        released.countDown();
    }

    /** Whether the part after the pause has been written. */
    public boolean restSent() {
        return restSent;
    }

    /** Releases the rest and waits until a write fails because the client closed the connection. */
    public boolean clientHungUp() throws InterruptedException {
        release();
        return hungUp.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Pulls the stream's first chunk, checks it came while the rest was still held back, closes the
     * stream and checks that closing it hung up the HTTP call; returns the first chunk.
     */
    public <T> T firstChunkThenClose(Stream<T> stream) throws InterruptedException {
        T first;
        try (stream) {
            first = stream.iterator().next();
            assertThat(restSent).as("the first chunk came while the server held the rest back").isFalse();
        }
        assertThat(clientHungUp()).as("closing the stream cancelled the HTTP call").isTrue();
        return first;
    }
}
