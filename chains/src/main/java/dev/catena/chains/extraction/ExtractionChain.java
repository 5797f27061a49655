package dev.catena.chains.extraction;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.chains.Chain;
import dev.catena.chains.ChainInputs;
import dev.catena.chains.ChainValidationException;
import dev.catena.chains.documents.PromptLanguage;
import dev.catena.core.components.Component;
import dev.catena.core.components.Run;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.PromptValue;
import dev.catena.core.models.ResponseFormat;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.parsers.BeanOutputParser;
import dev.catena.prompts.parsers.OutputFixingParser;
import dev.catena.prompts.parsers.OutputParser;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Extracts a Java record (or a list of records) from text. By default the prompt carries the
 * {@link BeanOutputParser}'s format instructions (the JSON schema of the type); with
 * {@link Builder#nativeJsonSchema()} the schema travels as the request's
 * {@link ResponseFormat#jsonSchema JSON-schema response format} instead, for models that support it
 * (see {@code ModelInfo.supportsJsonSchema()} in catena-models). With {@link Builder#fixWith} a reply
 * that does not parse goes once through an {@link OutputFixingParser}.
 *
 * <pre>{@code
 * record Person(String name, int age) {}
 * ExtractionChain<Person> extract = ExtractionChain.builder(model, Person.class).build();
 * Person p = extract.extract("Alice is 30 years old.");
 * }</pre>
 *
 * @param <T> the extracted type
 */
public final class ExtractionChain<T> implements Chain {

    /** The input key of the text. */
    public static final String TEXT = "text";
    /** The output key of the extracted value. */
    public static final String EXTRACTED = "extracted";
    /** The prompt variable receiving the format instructions (empty with the native schema). */
    public static final String FORMAT_INSTRUCTIONS = "format_instructions";

    /** The default prompt (variables: format_instructions, text). */
    public static final PromptTemplate DEFAULT_PROMPT = PromptTemplate.fromTemplate("""
            Extract the information the schema describes from the text below. Use only what the text says; \
            leave out what it does not say rather than guessing.
            {format_instructions}

            Text:
            {text}""");

    /** The default prompt, Chinese. */
    public static final PromptTemplate DEFAULT_PROMPT_ZH = PromptTemplate.fromTemplate("""
            请从下面的文本中抽取格式说明所描述的信息。只使用文本中写明的内容；文本没有提到的不要猜测。
            {format_instructions}

            文本：
            {text}""");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Component<Map<String, Object>, PromptValue> prompt;
    private final Component<PromptValue, ?> model;
    private final OutputParser<T> parser;
    private final boolean nativeSchema;

    private ExtractionChain(Builder<T> b) {
        this.nativeSchema = b.nativeSchema;
        BeanOutputParser<T> bean = b.parser;
        Component<Map<String, Object>, PromptValue> base = b.prompt != null ? b.prompt
                : b.language == PromptLanguage.CHINESE ? DEFAULT_PROMPT_ZH : DEFAULT_PROMPT;
        if (!(base instanceof PromptTemplate template) || !template.inputVariables().contains(FORMAT_INSTRUCTIONS)
                || !template.inputVariables().contains(TEXT)) {
            throw new ChainValidationException("an extraction prompt must be a PromptTemplate using {" + FORMAT_INSTRUCTIONS
                    + "} and {" + TEXT + "}");
        }
        this.prompt = template.partial(FORMAT_INSTRUCTIONS, nativeSchema ? "" : bean.formatInstructions());
        if (nativeSchema) {
            if (!(b.model instanceof ChatModel chat)) {
                throw new ChainValidationException("the native JSON-schema response format needs a ChatModel, not a "
                        + b.model.getClass().getSimpleName());
            }
            Map<String, Object> schema = MAPPER.convertValue(bean.schema(), new TypeReference<Map<String, Object>>() { });
            if (!"object".equals(schema.get("type"))) {
                throw new ChainValidationException("a JSON-schema response format must describe an object, this one is a "
                        + schema.get("type") + "; extract a record that holds the list instead");
            }
            this.model = chat.withResponseFormat(ResponseFormat.jsonSchema(b.schemaName, schema));
        } else {
            this.model = b.model;
        }
        this.parser = b.fixingModel == null ? bean : OutputFixingParser.of(bean, b.fixingModel);
    }

    /**
     * A builder extracting a record or class.
     *
     * @param <T> the extracted type
     * @param model the chat or text model that extracts
     * @param type the record or class to extract; its JSON schema is sent to the model
     * @return a builder with the English default prompt and the schema in the prompt
     */
    public static <T> Builder<T> builder(Component<PromptValue, ?> model, Class<T> type) {
        return new Builder<>(model, BeanOutputParser.of(type), type.getSimpleName());
    }

    /**
     * A builder extracting a generic type, such as {@code List<Person>}.
     *
     * @param <T> the extracted type
     * @param model the chat or text model that extracts
     * @param type the type to extract, as a Jackson type reference
     * @return a builder with the English default prompt and the schema in the prompt
     */
    public static <T> Builder<T> builder(Component<PromptValue, ?> model, TypeReference<T> type) {
        return new Builder<>(model, BeanOutputParser.of(type), "extraction");
    }

    /**
     * Extracts from {@code text}.
     *
     * @param text the text to extract from
     * @return the extracted value
     * @throws dev.catena.core.OutputParserException if the reply does not parse as the type (after the fix, if set)
     */
    public T extract(String text) {
        return extract(text, RunConfig.defaults());
    }

    /**
     * As {@link #extract(String)}, traced with this config.
     *
     * @param text the text to extract from
     * @param config the run's callbacks, tags and limits
     * @return the extracted value
     * @throws dev.catena.core.OutputParserException if the reply does not parse as the type (after the fix, if set)
     */
    public T extract(String text, RunConfig config) {
        return Run.trace(this, text, config, child -> run(text, child));
    }

    private T run(String text, RunConfig config) {
        Object reply = model.invoke(prompt.invoke(Map.of(TEXT, text), config), config);
        return parser.invoke(reply, config);
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        return Map.of(EXTRACTED, run(ChainInputs.string("ExtractionChain", input, TEXT), config));
    }

    /**
     * Whether the schema travels as the model's response format rather than in the prompt.
     *
     * @return true if {@link Builder#nativeJsonSchema()} was chosen
     */
    public boolean usesNativeJsonSchema() {
        return nativeSchema;
    }

    @Override
    public List<String> inputKeys() {
        return List.of(TEXT);
    }

    @Override
    public List<String> outputKeys() {
        return List.of(EXTRACTED);
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return parser instanceof OutputFixingParser<T> fixing ? Map.of("extract", prompt, "fix", fixing.prompt())
                : Map.of("extract", prompt);
    }

    /**
     * Builds an {@link ExtractionChain}.
     *
     * @param <T> the extracted type
     */
    public static final class Builder<T> {
        private final Component<PromptValue, ?> model;
        private final BeanOutputParser<T> parser;
        private final String schemaName;
        private Component<Map<String, Object>, PromptValue> prompt;
        private PromptLanguage language = PromptLanguage.ENGLISH;
        private boolean nativeSchema;
        private Component<PromptValue, ?> fixingModel;

        private Builder(Component<PromptValue, ?> model, BeanOutputParser<T> parser, String schemaName) {
            this.model = Objects.requireNonNull(model, "model");
            this.parser = parser;
            this.schemaName = schemaName;
        }

        /**
         * Replaces the prompt; it must be a {@code PromptTemplate} using {@code {format_instructions}} and {@code {text}}.
         *
         * @param value the extraction prompt
         * @return this builder
         */
        public Builder<T> prompt(PromptTemplate value) {
            this.prompt = Objects.requireNonNull(value, "prompt");
            return this;
        }

        /**
         * The language of the default prompt (default English).
         *
         * @param value the language of the default prompt
         * @return this builder
         */
        public Builder<T> language(PromptLanguage value) {
            this.language = Objects.requireNonNull(value, "language");
            return this;
        }

        /**
         * Sends the schema as the model's JSON-schema response format (the model must be a {@link ChatModel} that supports it).
         *
         * @return this builder
         */
        public Builder<T> nativeJsonSchema() {
            this.nativeSchema = true;
            return this;
        }

        /**
         * Sends a reply that does not parse once through an {@link OutputFixingParser} asking this model.
         *
         * @param value the model asked to fix a reply that does not parse
         * @return this builder
         */
        public Builder<T> fixWith(Component<PromptValue, ?> value) {
            this.fixingModel = Objects.requireNonNull(value, "fixing model");
            return this;
        }

        /**
         * Builds the chain.
         *
         * @return the chain
         * @throws ChainValidationException if the prompt is not a {@code PromptTemplate} with both variables, or
         *     with the native schema, the model is not a {@code ChatModel} or the type's schema is not an object
         */
        public ExtractionChain<T> build() {
            return new ExtractionChain<>(this);
        }
    }
}
