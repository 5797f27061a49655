package dev.catena.retrieval.loaders;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;
import org.mozilla.universalchardet.prober.CharsetProber;
import org.mozilla.universalchardet.prober.EscCharsetProber;
import org.mozilla.universalchardet.prober.Latin1Prober;
import org.mozilla.universalchardet.prober.MBCSGroupProber;
import org.mozilla.universalchardet.prober.SBCSGroupProber;
import org.mozilla.universalchardet.prober.UTF8Prober;

/**
 * Turns file bytes into text, saying which charset it chose and how sure it is: a byte-order mark
 * wins (confidence 1); ASCII is UTF-8 (1); bytes that are valid UTF-8 are UTF-8 (with the UTF-8
 * prober's confidence, which grows with the number of multi-byte characters); anything else goes
 * to juniversalchardet's probers (Mozilla's detector: Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR,
 * the Cyrillic, Greek and Hebrew code pages, windows-1252, ISO-2022), and the most confident one
 * decides. Below the detector's own minimum confidence the charset is undecided: the caller's
 * chosen default is used if there is one, otherwise the load fails. Never a silent guess.
 */
final class TextDecoding {

    private TextDecoding() {
    }

    /** The text, the charset it was decoded with, and the detector's confidence in it (0 to 1). */
    record Decoded(String text, Charset charset, double confidence) {
    }

    /**
     * Detects the charset of {@code bytes} read from {@code source} and decodes them.
     *
     * @param whenUndecided the charset to use when detection cannot decide (confidence then 0), or null to fail
     * @throws DocumentLoadException if detection cannot decide and there is no default, or the bytes
     *                               do not decode in the detected charset
     */
    static Decoded detect(byte[] bytes, Path source, Charset whenUndecided) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, 1);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, 1);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, 1);
        }
        boolean highBytes = false;
        boolean escape = false;
        for (byte b : bytes) {
            highBytes |= b < 0;
            escape |= b == 0x1B;
        }
        if (!highBytes && !escape) {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), StandardCharsets.UTF_8, 1);
        }
        if (!escape) {
            try {
                String text = strict(bytes, StandardCharsets.UTF_8);
                return new Decoded(text, StandardCharsets.UTF_8, confidence(new UTF8Prober(), bytes));
            } catch (CharacterCodingException notUtf8) {
                // detect below
            }
        }
        CharsetProber best = null;
        double bestConfidence = 0;
        List<CharsetProber> probers = highBytes
                ? List.of(new MBCSGroupProber(), new SBCSGroupProber(), new Latin1Prober())
                : List.of(new EscCharsetProber());
        for (CharsetProber prober : probers) {
            double c = confidence(prober, bytes);
            if (prober.getCharSetName() != null && c > bestConfidence) {
                best = prober;
                bestConfidence = c;
            }
        }
        if (best == null || bestConfidence < UniversalDetector.MINIMUM_THRESHOLD) {
            String guess = best == null ? "none" : best.getCharSetName() + String.format(Locale.ROOT, " at %.2f", bestConfidence);
            if (whenUndecided != null) {
                return new Decoded(decode(bytes, whenUndecided, source, "the default charset"), whenUndecided, 0);
            }
            throw new DocumentLoadException("could not tell the charset of " + source + " (best guess: " + guess
                    + ", below the detector's minimum confidence " + UniversalDetector.MINIMUM_THRESHOLD
                    + "); pass the file's charset, or a default charset for files that cannot be detected");
        }
        Charset charset = charset(best.getCharSetName(), source);
        return new Decoded(decode(bytes, charset, source, "the detected charset (confidence "
                + String.format(Locale.ROOT, "%.2f", bestConfidence) + ")"), charset, bestConfidence);
    }

    private static double confidence(CharsetProber prober, byte[] bytes) {
        prober.handleData(bytes, 0, bytes.length);
        return prober.getConfidence();
    }

    private static Charset charset(String name, Path source) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DocumentLoadException(source + " looks like " + name + ", which this Java runtime cannot decode;"
                    + " convert the file to UTF-8 or pass a charset the runtime has", e);
        }
    }

    private static String decode(byte[] bytes, Charset charset, Path source, String which) {
        try {
            return strict(bytes, charset);
        } catch (CharacterCodingException e) {
            throw new DocumentLoadException(source + " is not valid " + charset.name() + ", " + which
                    + "; pass the file's real charset", e);
        }
    }

    /** Decodes with an explicit charset, failing on malformed input rather than inventing characters. */
    static String strict(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
