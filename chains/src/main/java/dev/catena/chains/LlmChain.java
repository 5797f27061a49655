package dev.catena.chains;

import dev.catena.core.components.Component;
import dev.catena.core.components.Run;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.PromptValue;
import dev.catena.memory.ChatMemory;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.parsers.OutputParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A prompt, a chat or text model and an optional output parser as one chain (LangChain's
 * {@code LLMChain}): the seed's {@code LLMChain(llm, prompt).run("你好")}.
 *
 * <pre>{@code
 * LlmChain chain = LlmChain.of(PromptTemplate.fromTemplate("请给我解释一下{concept}的意思"), model);
 * String text = chain.run("天道酬勤");                                  // one-variable prompts
 * Map<String, Object> out = chain.invoke(Map.of("concept", "天道酬勤")); // {text=…}
 * }</pre>
 *
 * <p>The prompt, the model call and the parser are child runs of the chain's run. With a
 * {@link ChatMemory} the chain reads the session named by the input {@value #SESSION_ID} into the
 * prompt variable {@value #HISTORY} (messages for a chat prompt's {@code MessagesPlaceholder}, a
 * {@code Human:/AI:} transcript for a string prompt) and appends the turn after the answer.
 */
public final class LlmChain implements Chain {

    /** The default output key. */
    public static final String TEXT = "text";
    /** The default prompt variable that receives the memory's messages. */
    public static final String HISTORY = "history";
    /** The input key naming the memory session. */
    public static final String SESSION_ID = "session_id";

    private final Component<Map<String, Object>, PromptValue> prompt;
    private final Component<PromptValue, ?> model;
    private final OutputParser<?> parser;
    private final String outputKey;
    private final ChatMemory memory;
    private final String memoryKey;
    private final String humanKey;
    private final String name;
    private final List<String> inputKeys;

    private LlmChain(Builder b) {
        this.prompt = b.prompt;
        this.model = b.model;
        this.parser = b.parser;
        this.outputKey = b.outputKey;
        this.memory = b.memory;
        this.memoryKey = b.memoryKey;
        this.name = b.name;
        List<String> variables = new ArrayList<>(ChainInputs.variablesOf(prompt));
        if (memory != null) {
            if (!variables.remove(memoryKey)) {
                throw new ChainValidationException("LlmChain has a memory but its prompt has no variable '" + memoryKey
                        + "' to put the history in; add {" + memoryKey + "} or a MessagesPlaceholder named "
                        + memoryKey + ", or set memoryKey(...) to the variable the prompt uses (prompt variables: "
                        + ChainInputs.variablesOf(prompt) + ")");
            }
            if (b.humanKey != null) {
                if (!variables.contains(b.humanKey)) {
                    throw new ChainValidationException("LlmChain's humanKey '" + b.humanKey
                            + "' is not a prompt variable; the prompt has " + variables);
                }
                this.humanKey = b.humanKey;
            } else if (variables.size() == 1) {
                this.humanKey = variables.get(0);
            } else {
                throw new ChainValidationException("LlmChain with memory cannot tell which of " + variables
                        + " is the user's message to remember; set humanKey(...)");
            }
            variables.add(SESSION_ID);
        } else {
            this.humanKey = null;
        }
        this.inputKeys = List.copyOf(variables);
    }

    /**
     * A chain with no parser and no memory, returning the model's text under {@value #TEXT}.
     *
     * @param prompt the prompt, a {@code PromptTemplate}, {@code ChatPromptTemplate} or other prompt component
     * @param model the chat or text model the formatted prompt goes to
     * @return the chain
     */
    public static LlmChain of(Component<Map<String, Object>, PromptValue> prompt, Component<PromptValue, ?> model) {
        return builder(prompt, model).build();
    }

    /**
     * A builder for a chain of this prompt (a {@code PromptTemplate} or {@code ChatPromptTemplate}) and a chat or text model.
     *
     * @param prompt the prompt; its input variables become the chain's input keys
     * @param model the chat or text model the formatted prompt goes to
     * @return a builder with no parser, no memory and output key {@value #TEXT}
     */
    public static Builder builder(Component<Map<String, Object>, PromptValue> prompt, Component<PromptValue, ?> model) {
        return new Builder(prompt, model);
    }

    /**
     * Runs a prompt with exactly one input variable on {@code value} and returns the output as text
     * (the parsed value's {@code toString()} when there is a parser): the seed's {@code chain.run("你好")}.
     *
     * @param value the value of the prompt's only input variable
     * @return the output as text
     * @throws ChainInputException if the chain has more or fewer than one input key
     */
    public String run(String value) {
        return run(value, RunConfig.defaults());
    }

    /**
     * As {@link #run(String)}, traced with this config.
     *
     * @param value the value of the prompt's only input variable
     * @param config the run's callbacks, tags and limits
     * @return the output as text
     * @throws ChainInputException if the chain has more or fewer than one input key
     */
    public String run(String value, RunConfig config) {
        if (inputKeys.size() != 1) {
            throw new ChainInputException(name + ".run(String) needs a prompt with exactly one input variable, this one has "
                    + inputKeys + "; call invoke(Map) instead");
        }
        return String.valueOf(invoke(Map.of(inputKeys.get(0), value), config).get(outputKey));
    }

    /**
     * Runs the chain and returns only the output value (the text, or the parser's result).
     *
     * @param input the prompt's variables (and {@value #SESSION_ID} when there is a memory)
     * @param config the run's callbacks, tags and limits
     * @return the model's text, or the parser's result when there is a parser
     */
    public Object predict(Map<String, Object> input, RunConfig config) {
        return invoke(input, config).get(outputKey);
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        ChainInputs.requireKeys(name, input, inputKeys);
        PromptValue formatted = prompt.invoke(withHistory(input, config), config);
        Object reply = model.invoke(formatted, config);
        String text = OutputParser.textOf(reply);
        Object value = parser == null ? text : parser.invoke(reply, config);
        remember(input, text);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(outputKey, value);
        return out;
    }

    /**
     * Streams the output map: one map per chunk of the model's answer, each holding that chunk under
     * the output key. Maps do not merge, so a tracer records only the last chunk as this run's
     * output; {@link #streamOutput} streams the chunks themselves and is traced with the whole answer.
     */
    @Override
    public Stream<Map<String, Object>> callStream(Map<String, Object> input, RunConfig config) {
        return chunks(input, config).map(chunk -> Map.of(outputKey, chunk));
    }

    /**
     * Streams the answer token by token as the model produces it (through the parser's streaming form
     * when there is a parser), traced as this chain's run. Closing the stream cancels the model call.
     *
     * @param input the prompt's variables (and {@value #SESSION_ID} when there is a memory)
     * @param config the run's callbacks, tags and limits
     * @return the chunks: text pieces, or the parser's streamed values when there is a parser
     */
    public Stream<Object> streamOutput(Map<String, Object> input, RunConfig config) {
        return Run.traceStream(this, input, config, child -> chunks(input, child));
    }

    private Stream<Object> chunks(Map<String, Object> input, RunConfig config) {
        ChainInputs.requireKeys(name, input, inputKeys);
        PromptValue formatted = prompt.invoke(withHistory(input, config), config);
        StringBuilder whole = new StringBuilder();
        Stream<String> text = model.stream(formatted, config).map(OutputParser::textOf).peek(whole::append);
        Stream<Object> out = parser == null ? text.map(t -> (Object) t) : parser.transform(text.map(t -> (Object) t), config)
                .map(v -> (Object) v);
        // Saved once the answer is complete: a lazy tail, pulled after the last chunk.
        Stream<Object> save = Stream.of(whole).flatMap(sb -> {
            remember(input, sb.toString());
            return Stream.empty();
        });
        return Stream.concat(out, save);
    }

    private Map<String, Object> withHistory(Map<String, Object> input, RunConfig config) {
        if (memory == null) {
            return input;
        }
        List<ChatMessage> history = memory.messages(ChainInputs.string(name, input, SESSION_ID), config);
        Map<String, Object> variables = new HashMap<>(input);
        variables.remove(SESSION_ID);
        variables.put(memoryKey, prompt instanceof PromptTemplate ? ChatMessage.toBufferString(history) : history);
        return variables;
    }

    private void remember(Map<String, Object> input, String answer) {
        if (memory != null) {
            memory.add(ChainInputs.string(name, input, SESSION_ID),
                    List.of(ChatMessage.user(String.valueOf(input.get(humanKey))), ChatMessage.ai(answer)));
        }
    }

    @Override
    public List<String> inputKeys() {
        return inputKeys;
    }

    @Override
    public List<String> outputKeys() {
        return List.of(outputKey);
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return Map.of("prompt", prompt);
    }

    /**
     * The prompt this chain formats.
     *
     * @return the prompt component the chain was built with
     */
    public Component<Map<String, Object>, PromptValue> prompt() {
        return prompt;
    }

    @Override
    public String name() {
        return name;
    }

    /** Builds an {@link LlmChain}. */
    public static final class Builder {
        private final Component<Map<String, Object>, PromptValue> prompt;
        private final Component<PromptValue, ?> model;
        private OutputParser<?> parser;
        private String outputKey = TEXT;
        private ChatMemory memory;
        private String memoryKey = HISTORY;
        private String humanKey;
        private String name = "LlmChain";

        private Builder(Component<Map<String, Object>, PromptValue> prompt, Component<PromptValue, ?> model) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            this.model = Objects.requireNonNull(model, "model");
        }

        /**
         * Parses the model's answer; the parsed value is the output.
         *
         * @param value the parser applied to the model's reply
         * @return this builder
         */
        public Builder parser(OutputParser<?> value) {
            this.parser = Objects.requireNonNull(value, "parser");
            return this;
        }

        /**
         * The key of the output (default {@value LlmChain#TEXT}).
         *
         * @param value the output key
         * @return this builder
         */
        public Builder outputKey(String value) {
            this.outputKey = Objects.requireNonNull(value, "outputKey");
            return this;
        }

        /**
         * Reads the session's history into the prompt and saves each turn; the input then needs {@value LlmChain#SESSION_ID}.
         *
         * @param value the memory holding each session's history
         * @return this builder
         */
        public Builder memory(ChatMemory value) {
            this.memory = Objects.requireNonNull(value, "memory");
            return this;
        }

        /**
         * The prompt variable that receives the history (default {@value LlmChain#HISTORY}).
         *
         * @param value the name of the prompt variable (or placeholder) for the history
         * @return this builder
         */
        public Builder memoryKey(String value) {
            this.memoryKey = Objects.requireNonNull(value, "memoryKey");
            return this;
        }

        /**
         * The input saved as the user's message when the prompt has more than one variable.
         *
         * @param value the input key whose value is remembered as the user's message
         * @return this builder
         */
        public Builder humanKey(String value) {
            this.humanKey = Objects.requireNonNull(value, "humanKey");
            return this;
        }

        /**
         * The name shown in traces (default "LlmChain").
         *
         * @param value the chain's name in traces and error messages
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Builds the chain, checking that the memory settings fit the prompt.
         *
         * @return the chain
         * @throws ChainValidationException if there is a memory and the prompt has no history variable, the
         *     human key is not a prompt variable, or it is unset and the prompt has several variables
         */
        public LlmChain build() {
            return new LlmChain(this);
        }
    }
}
