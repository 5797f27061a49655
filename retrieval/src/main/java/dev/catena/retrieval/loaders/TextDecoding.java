package dev.catena.retrieval.loaders;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns file bytes into text: a byte-order mark wins; otherwise strict UTF-8, then strict GB18030
 * (common for Chinese files), then windows-1252, which accepts any bytes.
 */
final class TextDecoding {

    private static final List<Charset> FALLBACKS = List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"),
            Charset.forName("windows-1252"));

    private TextDecoding() {
    }

    /** The text and the charset it was decoded with. */
    record Decoded(String text, Charset charset) {
    }

    static Decoded detect(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        for (Charset charset : FALLBACKS) {
            try {
                return new Decoded(strict(bytes, charset), charset);
            } catch (CharacterCodingException e) {
                // try the next candidate
            }
        }
        throw new IllegalStateException("windows-1252 decodes any bytes");
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
