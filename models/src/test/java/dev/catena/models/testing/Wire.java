package dev.catena.models.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.models.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Recorded provider bodies (test resources under {@code wire/}) and helpers to serve and inspect them. */
public final class Wire {

    private Wire() {
    }

    public static String text(String name) {
        try (InputStream in = Wire.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        return Json.tryParse(text(name));
    }

    public static MockResponse jsonResponse(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    public static MockResponse sse(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    public static JsonNode body(RecordedRequest request) {
        return Json.tryParse(request.getBody().utf8());
    }
}
