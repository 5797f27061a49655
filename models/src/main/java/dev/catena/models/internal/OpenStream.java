package dev.catena.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.components.RunConfig;
import dev.catena.models.ModelConnectionException;
import java.io.Closeable;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Response;

/** An accepted streaming answer: its events, read one by one; closing it cancels the HTTP call. */
public final class OpenStream implements Closeable {

    private static final int EXCERPT_CHARS = 200;

    private final ModelHttp http;
    private final Call call;
    private final Response response;
    private final SseReader reader;
    private final RunConfig config;

    OpenStream(ModelHttp http, Call call, Response response, RunConfig config) {
        this.http = http;
        this.call = call;
        this.response = response;
        this.reader = new SseReader(response.body().source());
        this.config = config;
    }

    /** The next event, or null when the server closed the stream. */
    public SseEvent next() {
        try {
            return reader.next();
        } catch (IOException e) {
            throw http.connectionFailure(e, config, false);
        }
    }

    /** The provider's name, for messages. */
    public String provider() {
        return http.provider();
    }

    /**
     * An event's data as JSON. Data that is not JSON is a {@link ModelConnectionException}; an error
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
            String safe = http.secret().redact(data); // before cutting, so no part of an echoed key survives
            String excerpt = safe.length() > EXCERPT_CHARS ? safe.substring(0, EXCERPT_CHARS) + "…" : safe;
            throw new ModelConnectionException(provider() + " sent a stream event that is not JSON: "
                    + excerpt + "; check that the base URL points at the API", null, false);
        }
        if (ProviderErrors.isError(json)) {
            throw ProviderErrors.fromPayload(provider(), json, response.headers(), http.secret());
        }
        return json;
    }

    @Override
    public void close() {
        call.cancel();
        response.close();
    }
}
