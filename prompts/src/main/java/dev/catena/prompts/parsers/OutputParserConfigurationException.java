package dev.catena.prompts.parsers;

import dev.catena.core.CatenaException;

/**
 * A parser is set up wrongly, whatever the model answers: its type cannot be bound by Jackson (no
 * constructor it can use, an interface without subtypes) or no JSON schema can be made of it. It is
 * not an {@link dev.catena.core.OutputParserException}, so {@link OutputFixingParser} and
 * {@link RetryWithErrorOutputParser} do not ask a model to "fix" output that was fine: fix the type.
 */
public class OutputParserConfigurationException extends CatenaException {

    /**
     * The problem and its cause.
     *
     * @param message what is wrong with the parser's type and how to fix it
     * @param cause the failure of Jackson or of the schema generator
     */
    public OutputParserConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
