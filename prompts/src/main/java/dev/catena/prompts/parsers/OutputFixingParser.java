package dev.catena.prompts.parsers;

import dev.catena.core.Component;
import dev.catena.core.OutputParserException;
import dev.catena.core.PromptValue;
import dev.catena.core.RunConfig;
import dev.catena.prompts.PromptTemplate;
import java.util.Map;
import java.util.Objects;

/**
 * Wraps a parser: when parsing fails, asks a model to fix the output, showing it the format
 * instructions, the output and the error, then parses the model's answer, up to
 * {@code maxRetries} times (LangChain's {@code OutputFixingParser}, default 1 retry). The fix
 * prompt is {@link #DEFAULT_PROMPT} unless you give another with the variables
 * {@code instructions}, {@code completion} and {@code error}. Every parse attempt, prompt and
 * model call is traced under this parser's run.
 *
 * <pre>{@code
 * var parser = OutputFixingParser.of(BeanOutputParser.of(Person.class), model);
 * Person p = parser.invoke("{name: 'Ada'}");   // the model is asked for valid JSON
 * }</pre>
 *
 * @param <T> what the wrapped parser returns
 */
public final class OutputFixingParser<T> implements OutputParser<T> {

    /** The default fix prompt (variables: instructions, completion, error), after LangChain's {@code NAIVE_FIX}. */
    public static final PromptTemplate DEFAULT_PROMPT = PromptTemplate.fromTemplate("""
            Instructions:
            --------------
            {instructions}
            --------------
            Completion:
            --------------
            {completion}
            --------------

            The completion above does not meet the constraints in the instructions.
            Error:
            --------------
            {error}
            --------------

            Try again, and answer only with a completion that meets the constraints in the instructions:""");

    private final OutputParser<T> parser;
    private final Component<PromptValue, ?> model;
    private final PromptTemplate prompt;
    private final int maxRetries;

    /**
     * @param model      a chat or text model
     * @param prompt     the fix prompt, with variables instructions, completion and error
     * @param maxRetries how many times to ask the model at most (0 means never)
     */
    public OutputFixingParser(OutputParser<T> parser, Component<PromptValue, ?> model, PromptTemplate prompt, int maxRetries) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.model = Objects.requireNonNull(model, "model");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
    }

    /** With the default prompt and one retry. */
    public static <T> OutputFixingParser<T> of(OutputParser<T> parser, Component<PromptValue, ?> model) {
        return new OutputFixingParser<>(parser, model, DEFAULT_PROMPT, 1);
    }

    @Override
    public T parse(String text) {
        return invoke(text);
    }

    @Override
    public T call(Object modelOutput, RunConfig config) {
        String completion = OutputParser.textOf(modelOutput);
        for (int attempt = 0; ; attempt++) {
            try {
                return parser.invoke(completion, config);
            } catch (OutputParserException e) {
                if (attempt >= maxRetries) {
                    throw e;
                }
                PromptValue fix = prompt.invoke(Map.of(
                        "instructions", parser.formatInstructions(),
                        "completion", completion,
                        "error", e.getMessage()), config);
                completion = OutputParser.textOf(model.invoke(fix, config));
            }
        }
    }

    @Override
    public String formatInstructions() {
        return parser.formatInstructions();
    }

    public PromptTemplate prompt() {
        return prompt;
    }

    public int maxRetries() {
        return maxRetries;
    }

    @Override
    public String name() {
        return "OutputFixingParser";
    }
}
