package dev.catena.models.testing;

import dev.catena.core.messages.AiMessage;
import java.io.IOException;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the client tests: a real local HTTP server, started before each test and closed after it. */
public abstract class MockServerTest {

    /** The provider's stand-in: enqueue answers in the provider's wire format, then inspect the requests. */
    protected final MockWebServer server = new MockWebServer();

    @BeforeEach
    void startServer() throws IOException {
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The server's URL at this path, as a client's base URL. */
    protected String baseUrl(String path) {
        return server.url(path).toString();
    }

    /** A whole streamed reply: the chunks merged; the stream is closed. */
    protected static AiMessage merge(Stream<AiMessage> chunks) {
        try (chunks) {
            return chunks.reduce(AiMessage::merge).orElseThrow();
        }
    }
}
