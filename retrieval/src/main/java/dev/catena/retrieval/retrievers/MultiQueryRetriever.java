package dev.catena.retrieval.retrievers;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.PromptTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Asks a chat model to rephrase the question several ways, retrieves for each rephrasing and
 * returns the union (LangChain's {@code MultiQueryRetriever}), so a question worded unlike the
 * documents still finds them. The prompt is {@link #DEFAULT_PROMPT} unless the builder is given
 * another {@link PromptTemplate} with the variable {@code {question}}. The model's reply is read
 * one question per non-blank line. The formatted prompt, the model call and every retrieval are
 * runs under this retriever's run, so a tracer shows the rephrasings.
 *
 * <pre>{@code
 * Retriever retriever = MultiQueryRetriever.of(vectorRetriever, chatModel);
 * Retriever custom = MultiQueryRetriever.builder(vectorRetriever, chatModel)
 *         .prompt(PromptTemplate.fromTemplate("Write 5 versions of: {question}"))
 *         .includeOriginal(true)
 *         .build();
 * }</pre>
 */
public final class MultiQueryRetriever implements Retriever {

    /** The prompt variable that receives the user's question. */
    public static final String QUESTION = "question";

    /**
     * The default prompt: asks for three rephrasings, one per line. Replace it with
     * {@link Builder#prompt} to change the count, the wording or the language.
     */
    public static final PromptTemplate DEFAULT_PROMPT = PromptTemplate.fromTemplate("""
            Write 3 alternative versions of the question below, each worded differently, so that a \
            search over a vector database can find documents that the original wording would miss. \
            Put each version on its own line, with no numbering and nothing else.
            Question: {question}""");

    private final Component<String, List<Document>> retriever;
    private final ChatModel model;
    private final PromptTemplate prompt;
    private final boolean includeOriginal;

    private MultiQueryRetriever(Builder builder) {
        this.retriever = builder.retriever;
        this.model = builder.model;
        this.prompt = builder.prompt;
        this.includeOriginal = builder.includeOriginal;
    }

    /**
     * Rephrases with {@link #DEFAULT_PROMPT} and searches only the rephrasings (LangChain's default).
     *
     * @param retriever searches for each query
     * @param model writes the rephrasings
     * @return the retriever
     */
    public static MultiQueryRetriever of(Component<String, List<Document>> retriever, ChatModel model) {
        return builder(retriever, model).build();
    }

    /**
     * Settings for a retriever that searches with {@code retriever} and rephrases with {@code model}.
     *
     * @param retriever searches for each query
     * @param model writes the rephrasings
     * @return the settings
     */
    public static Builder builder(Component<String, List<Document>> retriever, ChatModel model) {
        return new Builder(retriever, model);
    }

    /** {@return the prompt sent to the model} */
    public PromptTemplate prompt() {
        return prompt;
    }

    /**
     * {@return the queries that will be searched for a question: the model's rephrasings (and the original if
     * asked)}
     *
     * @param question the question as asked
     * @param config the run's config, for the model call
     */
    public List<String> queries(String question, RunConfig config) {
        PromptValue request = prompt.invoke(Map.of(QUESTION, question), config);
        String reply = model.invoke(request, config).text();
        List<String> queries = lines(reply);
        if (includeOriginal) {
            queries.add(question);
        }
        return queries;
    }

    /**
     * One query per non-blank line, stripped. The prompts module's list parsers read comma,
     * numbered or markdown lists; the default prompt asks for bare lines, as LangChain's
     * {@code LineListOutputParser} reads them.
     */
    private static List<String> lines(String reply) {
        List<String> queries = new ArrayList<>();
        for (String line : reply.strip().split("\n")) {
            if (!line.isBlank()) {
                queries.add(line.strip());
            }
        }
        return queries;
    }

    @Override
    public List<Document> call(String question, RunConfig config) {
        Set<Document> union = new LinkedHashSet<>();
        for (String query : queries(question, config)) {
            union.addAll(retriever.invoke(query, config));
        }
        return List.copyOf(union);
    }

    @Override
    public String name() {
        return "MultiQueryRetriever";
    }

    /** Settings of a {@link MultiQueryRetriever}. */
    public static final class Builder {
        private final Component<String, List<Document>> retriever;
        private final ChatModel model;
        private PromptTemplate prompt = DEFAULT_PROMPT;
        private boolean includeOriginal;

        private Builder(Component<String, List<Document>> retriever, ChatModel model) {
            this.retriever = Objects.requireNonNull(retriever, "retriever");
            this.model = Objects.requireNonNull(model, "model");
        }

        /**
         * The prompt asking for rephrasings; its only input variable must be {@code {question}}. Default {@link #DEFAULT_PROMPT}.
         *
         * @param value the prompt
         * @return this builder
         */
        public Builder prompt(PromptTemplate value) {
            Objects.requireNonNull(value, "prompt");
            if (!value.inputVariables().equals(List.of(QUESTION))) {
                throw new IllegalArgumentException("a multi-query prompt must have exactly the input variable {question}"
                        + " (fix the others with partial(...)); this one has " + value.inputVariables());
            }
            this.prompt = value;
            return this;
        }

        /**
         * Whether the question as asked is searched too, after the rephrasings; default false, as in
         * LangChain.
         *
         * @param value true to search it too
         * @return this builder
         */
        public Builder includeOriginal(boolean value) {
            this.includeOriginal = value;
            return this;
        }

        /** {@return the retriever with these settings} */
        public MultiQueryRetriever build() {
            return new MultiQueryRetriever(this);
        }
    }
}
