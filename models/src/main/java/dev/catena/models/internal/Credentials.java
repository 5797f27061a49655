package dev.catena.models.internal;

import dev.catena.core.tracing.Secrets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * A client's credentials, kept out of sight: the API key, the values of credential headers set
 * with {@code header(...)}, and credential values in the base URL's query ({@code ?api-key=…}).
 * {@link #toString()} never shows them, and {@link #redact} masks every one of them (and whatever
 * {@link Secrets} recognises) in any text before that text reaches an exception, a log or a trace:
 * error bodies and proxies sometimes echo a request's headers back.
 *
 * <p>A header or query parameter counts as a credential when its name says so: it contains
 * {@code auth}, {@code key}, {@code token}, {@code secret}, {@code password}, {@code sig},
 * {@code credential} or {@code cookie} (case-insensitive), or is {@code code}.
 */
public final class Credentials {

    private static final String[] CREDENTIAL_WORDS = {
        "auth", "key", "token", "secret", "password", "sig", "credential", "cookie"
    };
    /** Shorter values cannot be a credential worth the name, and masking them would mangle messages. */
    private static final int MIN_MASKED_LENGTH = 4;

    private final String apiKey;
    private final List<String> masked;

    private Credentials(String apiKey, List<String> masked) {
        this.apiKey = apiKey;
        this.masked = masked;
    }

    /**
     * The credentials of a client: its key (null for none, already {@linkplain #checkKey checked}),
     * its extra headers (those with a credential name are kept secret) and its base URL (credential
     * query values are kept secret).
     */
    public static Credentials of(String apiKey, Map<String, String> headers, HttpUrl baseUrl) {
        List<String> values = new ArrayList<>();
        if (apiKey != null) {
            values.add(apiKey);
        }
        headers.forEach((name, value) -> {
            if (isCredentialName(name)) {
                values.add(value);
                int space = value.lastIndexOf(' ');
                if (space >= 0) {
                    values.add(value.substring(space + 1)); // the token of "Bearer <token>", echoed alone
                }
            }
        });
        for (int i = 0; i < baseUrl.querySize(); i++) {
            String value = baseUrl.queryParameterValue(i);
            if (value != null && isCredentialName(baseUrl.queryParameterName(i))) {
                values.add(value);
            }
        }
        String query = baseUrl.encodedQuery();
        if (query != null) { // the encoded form too: that is how the URL is written in messages
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && isCredentialName(HttpUrl.get("http://x/?" + pair).queryParameterName(0))) {
                    values.add(pair.substring(eq + 1));
                }
            }
        }
        values.removeIf(v -> v.length() < MIN_MASKED_LENGTH);
        values.sort(Comparator.comparingInt(String::length).reversed()); // longest first: a key containing another stays whole
        return new Credentials(apiKey, List.copyOf(values));
    }

    /** Whether a header or query parameter of this name carries a credential. */
    public static boolean isCredentialName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("code")) {
            return true;
        }
        for (String word : CREDENTIAL_WORDS) {
            if (n.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A pasted key made usable, or a clear error: whitespace around it (no-break spaces included)
     * is trimmed; any other character that is not visible ASCII (a no-break space inside, a
     * zero-width space, a letter with an accent) is refused with its position and code point,
     * never the key itself, since the HTTP layer would otherwise quote the whole key in its error.
     *
     * @param what names the value in the message, e.g. "the API key" or "header x-api-key"
     */
    public static String checkKey(String value, String what) {
        return check(value, what, false);
    }

    /**
     * A credential header's value checked as {@link #checkKey} does, except that spaces inside are
     * allowed ({@code Authorization: Bearer <token>}).
     */
    public static String checkHeaderCredential(String value, String what) {
        return check(value, what, true);
    }

    private static String check(String value, String what, boolean spacesInside) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        String key = value.substring(start, end);
        if (key.isEmpty()) {
            throw new IllegalArgumentException(what + " is blank; pass the key itself, for example read from an"
                    + " environment variable");
        }
        for (int i = 0; i < key.length(); i = key.offsetByCodePoints(i, 1)) {
            int c = key.codePointAt(i);
            if ((c < 0x21 && !(spacesInside && c == ' ')) || c > 0x7e) {
                throw new IllegalArgumentException(what + " has an invisible or non-ASCII character "
                        + String.format(Locale.ROOT, "U+%04X", c) + " at position " + (start + i + 1) + " of "
                        + value.length() + "; keys are plain ASCII, paste the key again without it");
            }
        }
        return key;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Whether there is an API key. */
    public boolean hasApiKey() {
        return apiKey != null;
    }

    /** The API key itself, for the one header that carries it. */
    public String apiKey() {
        return apiKey;
    }

    /** The text with every credential of this client, and any other secret {@link Secrets} recognises, masked. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String value : masked) {
            out = out.replace(value, Secrets.MASK);
        }
        return Secrets.redact(out);
    }

    /** The URL as it may be shown: credential query values masked. */
    public static String display(HttpUrl url) {
        HttpUrl.Builder shown = url.newBuilder();
        for (String name : url.queryParameterNames()) {
            if (isCredentialName(name)) {
                shown.setQueryParameter(name, Secrets.MASK);
            }
        }
        return shown.build().toString();
    }

    /** A URL text that may not even parse, shown without its query (which may hold a credential). */
    public static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    @Override
    public String toString() {
        return apiKey == null && masked.isEmpty() ? "(none)" : Secrets.MASK;
    }
}
