package dev.catena.models.internal;

import dev.catena.core.RunConfig;
import java.io.Closeable;
import java.io.IOException;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Response;

/** An accepted streaming answer: its events, read one by one; closing it cancels the HTTP call. */
public final class OpenStream implements Closeable {

    private final ModelHttp http;
    private final Call call;
    private final Response response;
    private final SseReader reader;
    private final HttpUrl url;
    private final RunConfig config;

    OpenStream(ModelHttp http, Call call, Response response, HttpUrl url, RunConfig config) {
        this.http = http;
        this.call = call;
        this.response = response;
        this.reader = new SseReader(response.body().source());
        this.url = url;
        this.config = config;
    }

    /** The next event, or null when the server closed the stream. */
    public SseEvent next() {
        try {
            return reader.next();
        } catch (IOException e) {
            throw http.connectionFailure(url, e, config, false);
        }
    }

    /** The response headers (request id, rate-limit state). */
    public Headers headers() {
        return response.headers();
    }

    @Override
    public void close() {
        call.cancel();
        response.close();
    }
}
