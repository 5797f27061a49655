package dev.catena.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.models.ModelHttpException;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Turns a provider's error answer into a {@link ModelHttpException}, deciding whether it is worth
 * retrying the way the official OpenAI and Anthropic SDKs do: {@code x-should-retry} decides when
 * present; else 408, 409, 429 and 5xx are retryable, unless the body says the quota or credit is
 * used up; a wait asked for by {@code retry-after-ms} / {@code retry-after} (or OpenAI's "Please
 * try again in 456ms") is honoured when it is at most two minutes, and a longer one means "do not retry".
 */
public final class ProviderErrors {

    /** The longest server-requested wait worth retrying after (the official SDKs use 60 s; 120 s is their ceiling). */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);

    private static final int EXCERPT_CHARS = 500;
    private static final long MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> OUT_OF_CREDIT = Set.of("insufficient_quota", "billing_error",
            "credit_balance_exhausted", "organization_spend_limit_exceeded", "project_spend_limit_exceeded",
            "organization_usage_limit_exceeded", "billing_hard_limit_reached", "Arrearage");
    private static final Pattern TRY_AGAIN_IN = Pattern.compile("try again in (\\d+(?:\\.\\d+)?)(ms|s)\\b");

    private ProviderErrors() {
    }

    /** The exception for a non-2xx response; reads (a bounded part of) the body. */
    public static ModelHttpException fromResponse(String provider, Response response, Credentials secret) {
        String body = readBody(response.body());
        JsonNode json = Json.tryParse(body);
        return build(provider, response.code(), json, response.headers(), body, secret, true);
    }

    /** The exception for an {@code error} object that arrived inside a 200 stream or body. */
    public static ModelHttpException fromPayload(String provider, JsonNode payload, Headers headers, Credentials secret) {
        return build(provider, 200, payload, headers, payload.toString(), secret, false);
    }

    /** Whether a JSON payload is an error envelope rather than a normal answer. */
    public static boolean isError(JsonNode payload) {
        JsonNode error = payload.get("error");
        return (error != null && !error.isNull()) || "error".equals(payload.path("type").asText(null));
    }

    private static ModelHttpException build(String provider, int status, JsonNode json, Headers headers, String body,
                                            Credentials secret, boolean statusDecides) {
        String type = null;
        String code = null;
        String message = null;
        String requestId = firstHeader(headers, "x-request-id", "request-id");
        if (json != null) {
            JsonNode error = json.get("error");
            if (error != null && error.isObject()) {
                type = text(error, "type");
                code = text(error, "code");
                message = text(error, "message");
            } else if (error != null && error.isTextual()) {
                message = error.asText(); // some servers answer {"error": "model not found"}
            } else if (json.has("message")) {
                message = text(json, "message");
                code = text(json, "code");
            }
            if (requestId == null) {
                requestId = text(json, "request_id");
            }
        }
        Duration retryAfter = retryAfter(headers, message);
        boolean retryable = retryable(status, type, code, headers, retryAfter, statusDecides);
        // redact before cutting: a cut through an echoed key would leave its first characters unmasked
        return new ModelHttpException(provider, status, type, code, secret.redact(message), requestId,
                excerpt(secret.redact(body)), retryable, retryable ? retryAfter : null);
    }

    static boolean retryable(int status, String type, String code, Headers headers, Duration retryAfter,
                             boolean statusDecides) {
        if ((type != null && OUT_OF_CREDIT.contains(type)) || (code != null && OUT_OF_CREDIT.contains(code))) {
            return false; // a used-up quota stays used up, whatever the status
        }
        if (retryAfter != null && retryAfter.compareTo(MAX_RETRY_AFTER) > 0) {
            return false;
        }
        String shouldRetry = headers == null ? null : headers.get("x-should-retry");
        if ("true".equalsIgnoreCase(shouldRetry)) {
            return true;
        }
        if ("false".equalsIgnoreCase(shouldRetry)) {
            return false;
        }
        if (!statusDecides) {
            // an error inside a 200 answer: go by its type
            return type != null && (type.equals("overloaded_error") || type.equals("rate_limit_error")
                    || type.equals("server_error") || type.equals("api_error") || type.equals("timeout_error"));
        }
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** The wait the server asked for: {@code retry-after-ms}, {@code retry-after} (seconds or HTTP date), or the message's "try again in …". */
    static Duration retryAfter(Headers headers, String message) {
        if (headers != null) {
            String ms = headers.get("retry-after-ms");
            if (ms != null) {
                try {
                    return positive(Duration.ofNanos((long) (Double.parseDouble(ms.trim()) * 1_000_000)));
                } catch (NumberFormatException ignored) {
                    // fall through to retry-after
                }
            }
            String after = headers.get("retry-after");
            if (after != null) {
                try {
                    return positive(Duration.ofNanos((long) (Double.parseDouble(after.trim()) * 1_000_000_000)));
                } catch (NumberFormatException notSeconds) {
                    try {
                        ZonedDateTime at = ZonedDateTime.parse(after.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                        return positive(Duration.between(ZonedDateTime.now(at.getZone()), at));
                    } catch (DateTimeParseException ignored) {
                        // unparseable: use our own backoff
                    }
                }
            }
        }
        if (message != null) {
            Matcher m = TRY_AGAIN_IN.matcher(message.toLowerCase(Locale.ROOT));
            if (m.find()) {
                double value = Double.parseDouble(m.group(1));
                long nanos = (long) (m.group(2).equals("ms") ? value * 1_000_000 : value * 1_000_000_000);
                return positive(Duration.ofNanos(nanos));
            }
        }
        return null;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() || d.isZero() ? null : d;
    }

    private static String readBody(ResponseBody body) {
        if (body == null) {
            return "";
        }
        try (body) {
            var source = body.source();
            source.request(MAX_BODY_BYTES);
            long size = Math.min(source.getBuffer().size(), MAX_BODY_BYTES);
            return source.getBuffer().readUtf8(size);
        } catch (IOException e) {
            return "";
        }
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= EXCERPT_CHARS ? body : body.substring(0, EXCERPT_CHARS) + "…";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    private static String firstHeader(Headers headers, String... names) {
        if (headers == null) {
            return null;
        }
        for (String name : names) {
            String v = headers.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
