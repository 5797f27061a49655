package dev.catena.prompts.parsers;

import dev.catena.core.OutputParserException;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.ChatMessage;

/**
 * Turns a model's output, text or an {@link dev.catena.core.messages.AiMessage}, into a typed value, and
 * says in {@link #formatInstructions()} how the model should write its answer so it parses.
 * As a {@link Component} it goes at the end of a chain: {@code prompt.pipe(model).pipe(parser)}.
 *
 * <p>Every failure is an {@link OutputParserException} carrying the raw text and what was expected.
 *
 * @param <T> what the parser returns
 */
public interface OutputParser<T> extends Component<Object, T> {

    /**
     * Parses the model's text.
     *
     * @param text the model's text
     * @return the parsed value
     */
    T parse(String text);

    /** {@return text to put in a prompt telling the model how to format its answer; empty if there is nothing to say} */
    String formatInstructions();

    @Override
    default T call(Object modelOutput, RunConfig config) {
        return parse(textOf(modelOutput));
    }

    @Override
    default String kind() {
        return "parser";
    }

    /**
     * {@return the text of a model output: a string as it is, a message's text}
     *
     * @param modelOutput a string or a chat message
     */
    static String textOf(Object modelOutput) {
        if (modelOutput instanceof String s) {
            return s;
        }
        if (modelOutput instanceof ChatMessage m) {
            return m.text();
        }
        if (modelOutput instanceof CharSequence cs) {
            return cs.toString();
        }
        throw new OutputParserException("cannot parse " + (modelOutput == null ? "null" : "a " + modelOutput.getClass().getName()),
                modelOutput == null ? null : String.valueOf(modelOutput), "model output as a String or an AiMessage");
    }
}
