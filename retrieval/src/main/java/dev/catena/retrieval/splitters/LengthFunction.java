package dev.catena.retrieval.splitters;

import dev.catena.core.models.TokenCounter;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * How a splitter measures text, so chunk sizes can be characters, tokens or anything else
 * (LangChain's {@code length_function}).
 *
 * <p>It measures a range of a string so splitters need not copy every piece they look at. The
 * default, {@link #codePoints()}, counts Unicode code points as Python's {@code len} does.
 */
@FunctionalInterface
public interface LengthFunction {

    /**
     * {@return the length of {@code text.substring(from, to)}}
     *
     * @param text the text
     * @param from the start index, inclusive
     * @param to the end index, exclusive
     */
    int length(String text, int from, int to);

    /**
     * {@return the length of a whole string}
     *
     * @param text the text
     */
    default int length(String text) {
        return length(text, 0, text.length());
    }

    /**
     * {@return the length of a range if it is below {@code limit}, otherwise any value ≥ {@code limit}}
     * Splitters only need to know that a piece is too long, so implementations may stop early.
     *
     * @param text the text
     * @param from the start index, inclusive
     * @param to the end index, exclusive
     * @param limit the length that counts as too long
     */
    default int lengthBelow(String text, int from, int to, int limit) {
        return length(text, from, to);
    }

    /**
     * Unicode code points, as Python's {@code len}: an emoji or a rare CJK character counts once.
     *
     * @return the length function
     */
    static LengthFunction codePoints() {
        return CodePointLength.INSTANCE;
    }

    /**
     * Java {@code char}s (UTF-16 units), as {@link String#length()}.
     *
     * @return the length function
     */
    static LengthFunction utf16Units() {
        return (text, from, to) -> to - from;
    }

    /**
     * Tokens of an OpenAI encoding, counted with jtokkit.
     *
     * @param counter the tokenizer
     * @return the length function
     */
    static LengthFunction tokens(TokenCounter counter) {
        return new TokenLength(counter);
    }

    /**
     * {@return a length function that measures with any function of a string, e.g. a word count}
     *
     * @param function the length of a whole string
     */
    static LengthFunction of(ToIntFunction<String> function) {
        Objects.requireNonNull(function, "length function");
        return (text, from, to) -> function.applyAsInt(text.substring(from, to));
    }
}
