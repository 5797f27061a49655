package dev.catena.prompts.parsers;

import dev.catena.core.OutputParserException;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One constant of an enum from the model's answer, as LangChain's {@code EnumOutputParser}: the
 * trimmed text must be a constant's name. Unlike LangChain the match ignores case, because models
 * often answer {@code red} for {@code RED}.
 *
 * @param <E> the enum
 */
public final class EnumOutputParser<E extends Enum<E>> implements OutputParser<E> {

    private final Class<E> type;

    /**
     * A parser that reads one of the enum's constant names.
     *
     * @param type the enum's class
     */
    public EnumOutputParser(Class<E> type) {
        this.type = Objects.requireNonNull(type, "enum type");
    }

    @Override
    public E parse(String text) {
        String answer = text.strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(answer)) {
                return constant;
            }
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(answer)) {
                return constant;
            }
        }
        throw new OutputParserException("answer is not one of the options", text, "one of " + options());
    }

    private String options() {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    @Override
    public String formatInstructions() {
        return "Answer with exactly one of these options: " + options();
    }

    @Override
    public String name() {
        return "EnumOutputParser";
    }
}
