package dev.catena.prompts.parsers;

import dev.catena.core.OutputParserException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A yes/no answer as a boolean, as LangChain's {@code BooleanOutputParser}: the text must contain
 * the true word or the false word (default {@code YES}/{@code NO}) as a whole word, in any case;
 * both or neither is an error.
 */
public final class BooleanOutputParser implements OutputParser<Boolean> {

    private final String trueWord;
    private final String falseWord;
    private final Pattern pattern;

    /** YES / NO. */
    public BooleanOutputParser() {
        this("YES", "NO");
    }

    /**
     * A parser that reads these two words, in any case, as true and false.
     *
     * @param trueWord the word for true
     * @param falseWord the word for false; not blank, and not the same as {@code trueWord}
     */
    public BooleanOutputParser(String trueWord, String falseWord) {
        this.trueWord = Objects.requireNonNull(trueWord, "trueWord");
        this.falseWord = Objects.requireNonNull(falseWord, "falseWord");
        if (trueWord.isBlank() || falseWord.isBlank() || trueWord.equalsIgnoreCase(falseWord)) {
            throw new IllegalArgumentException("true and false words must be non-blank and different, got '"
                    + trueWord + "' and '" + falseWord + "'");
        }
        this.pattern = Pattern.compile("\\b(" + Pattern.quote(trueWord) + "|" + Pattern.quote(falseWord) + ")\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public Boolean parse(String text) {
        boolean sawTrue = false;
        boolean sawFalse = false;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String word = m.group(1).toUpperCase(Locale.ROOT);
            sawTrue |= word.equals(trueWord.toUpperCase(Locale.ROOT));
            sawFalse |= word.equals(falseWord.toUpperCase(Locale.ROOT));
        }
        if (sawTrue && sawFalse) {
            throw new OutputParserException("ambiguous answer: both " + trueWord + " and " + falseWord + " appear", text, expected());
        }
        if (!sawTrue && !sawFalse) {
            throw new OutputParserException("neither " + trueWord + " nor " + falseWord + " appears", text, expected());
        }
        return sawTrue;
    }

    private String expected() {
        return "exactly one of " + trueWord + " or " + falseWord;
    }

    @Override
    public String formatInstructions() {
        return "Answer with " + trueWord + " or " + falseWord + ".";
    }

    @Override
    public String name() {
        return "BooleanOutputParser";
    }
}
