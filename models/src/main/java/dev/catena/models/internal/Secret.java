package dev.catena.models.internal;

/**
 * An API key, kept out of sight: {@link #toString()} never shows it, and {@link #redact} masks it
 * in any text (error bodies sometimes echo the key back) before that text reaches a message or trace.
 */
public final class Secret {

    private static final Secret NONE = new Secret(null);

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret of this value; blank means none. */
    public static Secret of(String value) {
        return value == null || value.isBlank() ? NONE : new Secret(value.trim());
    }

    public boolean isPresent() {
        return value != null;
    }

    /** The key itself, for the one header that carries it. */
    public String reveal() {
        return value;
    }

    /** The text with every occurrence of the key masked. */
    public String redact(String text) {
        if (text == null || value == null || value.length() < 4) {
            return text;
        }
        return text.replace(value, "***");
    }

    @Override
    public String toString() {
        return value == null ? "(none)" : "***";
    }
}
