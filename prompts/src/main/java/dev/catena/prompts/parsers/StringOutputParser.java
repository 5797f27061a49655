package dev.catena.prompts.parsers;

import dev.catena.core.components.RunConfig;
import java.util.stream.Stream;

/**
 * The model's text as a string (LangChain's {@code StrOutputParser}). Streams each chunk's text
 * as it arrives.
 */
public final class StringOutputParser implements OutputParser<String> {

    @Override
    public String parse(String text) {
        return text;
    }

    /** None: any text is accepted. */
    @Override
    public String formatInstructions() {
        return "";
    }

    @Override
    public Stream<String> callTransform(Stream<Object> inputs, RunConfig config) {
        return inputs.map(OutputParser::textOf);
    }

    @Override
    public String name() {
        return "StringOutputParser";
    }
}
