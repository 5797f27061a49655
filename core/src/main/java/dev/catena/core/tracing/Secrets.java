package dev.catena.core.tracing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks secrets in text that is about to be printed, logged or saved: API keys ({@code sk-…},
 * {@code sk-ant-…}, Google {@code AIza…}), bearer tokens, and the values of {@code Authorization},
 * {@code x-api-key} and similar headers or fields. Both tracers pass everything through it.
 *
 * <pre>{@code
 * Secrets.redact("Authorization: Bearer sk-abc123def456ghi789")  // "Authorization: ***"
 * }</pre>
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    // Header or field name, a separator (": ", "=", "\": \""), then the value up to a quote, comma, brace or line end.
    private static final Pattern NAMED = Pattern.compile(
            "(?i)(\"?(?:authorization|proxy-authorization|x-api-key|api[-_]?key|x-goog-api-key|openai[-_]api[-_]key)\"?\\s*[:=]\\s*\"?)"
                    + "[^\"',}\\r\\n]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern KEY = Pattern.compile("\\b(?:sk-[A-Za-z0-9_-]{8,}|AIza[0-9A-Za-z_-]{30,})");

    private Secrets() {
    }

    /**
     * {@return the text with every secret it contains replaced by {@link #MASK}}
     *
     * @param text the text, or null
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = NAMED.matcher(text).replaceAll("$1" + MASK);
        out = BEARER.matcher(out).replaceAll("$1 " + MASK);
        return KEY.matcher(out).replaceAll(MASK);
    }

    /**
     * {@return whether a map key or field name names a secret, so its whole value must be masked}
     *
     * @param name the key or field name
     */
    public static boolean isSecretName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('-', '_');
        return n.equals("authorization") || n.equals("proxy_authorization") || n.endsWith("api_key")
                || n.equals("apikey") || n.equals("password") || n.equals("secret") || n.endsWith("_secret")
                || n.equals("access_token") || n.equals("token");
    }
}
