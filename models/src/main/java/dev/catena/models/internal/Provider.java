package dev.catena.models.internal;

import java.util.Map;
import java.util.Objects;

/**
 * Who a client talks to: the provider's name (shown in errors and traces), the base URL used when
 * none is given, whether a key is required, how the key travels, and headers sent on every request.
 */
public record Provider(String name, String defaultBaseUrl, boolean requiresApiKey, String authHeader,
                       String authPrefix, Map<String, String> headers) {

    public Provider {
        Objects.requireNonNull(name, "provider name");
        Objects.requireNonNull(defaultBaseUrl, "provider defaultBaseUrl");
        headers = Map.copyOf(headers);
    }

    /** A provider whose key travels as {@code Authorization: Bearer <key>} (OpenAI and compatible servers). */
    public static Provider bearer(String name, String defaultBaseUrl, boolean requiresApiKey, Map<String, String> headers) {
        return new Provider(name, defaultBaseUrl, requiresApiKey, "Authorization", "Bearer ", headers);
    }
}
