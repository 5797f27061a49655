package dev.catena.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.components.RunConfig;
import dev.catena.models.InvalidResponseException;
import java.io.Closeable;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Response;

/** An accepted streaming answer: its events, read one by one; closing it cancels the HTTP call. */
public final class OpenStream implements Closeable {

    private final ModelHttp http;
    private final Call call;
    private final Response response;
    private final SseReader reader;
    private final RunConfig config;

    OpenStream(ModelHttp http, Call call, Response response, RunConfig config) {
        this.http = http;
        this.call = call;
        this.response = response;
        this.reader = new SseReader(response.body().source(), SseReader.MAX_LINE_BYTES, SseReader.MAX_EVENT_CHARS);
        this.config = config;
    }

    /** The next event, or null when the server closed the stream. */
    public SseEvent next() {
        try {
            return reader.next();
        } catch (IOException e) {
            throw http.connectionFailure(e, config, false);
        } catch (MalformedResponse e) {
            throw http.invalid(response.code(), e.getMessage(), response.header("x-request-id"), ""); // no excerpt of an oversized line
        }
    }

    /**
     * The exception for an event of the wrong shape: what was wrong, with the event's data (masked)
     * as excerpt. Decoders throw {@link MalformedResponse}; {@link EventStreams} calls this.
     */
    InvalidResponseException invalid(MalformedResponse problem, SseEvent event) {
        return http.invalid(response.code(), problem.getMessage(), response.header("x-request-id"),
                event == null ? "" : event.data());
    }

    /** The provider's name, for messages. */
    public String provider() {
        return http.provider();
    }

    /**
     * An event's data as JSON. Data that is not JSON is a {@link MalformedResponse}; an error
     * object ({@code {"error": …}} or {@code "type": "error"}) is the provider's
     * {@link dev.catena.core.models.ModelHttpException}, never text.
     */
    public JsonNode payload(SseEvent event) {
        String data = event.data();
        if (data.isBlank()) {
            return Json.MAPPER.missingNode(); // an empty keep-alive, tolerated as before any JSON
        }
        JsonNode json = Json.tryParse(data);
        if (json == null) {
            throw new MalformedResponse("a stream event that is not JSON; check that the base URL points at the API");
        }
        if (ProviderErrors.isError(json)) {
            throw ProviderErrors.fromPayload(provider(), json, response.headers(), http.credentials());
        }
        return json;
    }

    @Override
    public void close() {
        call.cancel();
        response.close();
    }
}
