package dev.catena.prompts.parsers;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.PromptTemplate;
import java.util.Map;

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

    private final ModelRetry<T> retry;

    /**
     * @param parser the parser to fix the output for
     * @param model      a chat or text model
     * @param prompt     the fix prompt, with variables instructions, completion and error
     * @param maxRetries how many times to ask the model at most (0 means never)
     */
    public OutputFixingParser(OutputParser<T> parser, Component<PromptValue, ?> model, PromptTemplate prompt, int maxRetries) {
        this.retry = new ModelRetry<>(parser, model, prompt, maxRetries);
    }

    /**
     * With the default prompt and one retry.
     *
     * @param <T> the parsed type
     * @param parser the parser to fix the output for
     * @param model a chat or text model
     * @return the parser
     */
    public static <T> OutputFixingParser<T> of(OutputParser<T> parser, Component<PromptValue, ?> model) {
        return new OutputFixingParser<>(parser, model, DEFAULT_PROMPT, 1);
    }

    @Override
    public T parse(String text) {
        return invoke(text);
    }

    @Override
    public T call(Object modelOutput, RunConfig config) {
        return retry.parse(OutputParser.textOf(modelOutput),
                Map.of("instructions", retry.parser().formatInstructions()), config);
    }

    @Override
    public String formatInstructions() {
        return retry.parser().formatInstructions();
    }

    /** {@return the fix prompt} */
    public PromptTemplate prompt() {
        return retry.prompt();
    }

    /** {@return how many times the model is asked at most} */
    public int maxRetries() {
        return retry.maxRetries();
    }

    @Override
    public String name() {
        return "OutputFixingParser";
    }
}
