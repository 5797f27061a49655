package dev.catena.chains.qa;

import dev.catena.chains.Chain;
import dev.catena.chains.ChainInputs;
import dev.catena.chains.documents.Combination;
import dev.catena.chains.documents.CombineDocuments;
import dev.catena.chains.documents.CombineSettings;
import dev.catena.core.components.Component;
import dev.catena.core.components.Run;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.parsers.OutputParser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Answers a question from the documents a {@link Retriever} finds (LangChain's {@code RetrievalQA}):
 * retrieve, combine with a {@link dev.catena.chains.documents.CombineStrategy} (stuff by default, within
 * the {@link dev.catena.chains.documents.TokenBudget}), answer. Retrieval, each intermediate call and
 * the final answer are child runs; the result lists the sources and any documents dropped to fit.
 *
 * <pre>{@code
 * RetrievalQaChain qa = RetrievalQaChain.builder(VectorStoreRetriever.similarity(store, 4), model)
 *         .language(PromptLanguage.CHINESE)
 *         .budget(TokenBudget.of(128_000, 2_000))
 *         .build();
 * QaResult result = qa.ask("什么是链？");
 * try (Stream<String> tokens = qa.streamAnswer("什么是链？", RunConfig.defaults())) {
 *     tokens.forEach(System.out::print);
 * }
 * }</pre>
 */
public final class RetrievalQaChain implements Chain {

    private final Retriever retriever;
    private final Component<PromptValue, ?> model;
    private final CombineDocuments combine;
    private final String name;

    private RetrievalQaChain(Builder b) {
        this.retriever = b.retriever;
        this.model = b.model;
        this.combine = b.combine();
        this.name = b.name;
    }

    /**
     * A builder over this retriever and chat or text model.
     *
     * @param retriever finds the documents for a question
     * @param model the chat or text model that answers
     * @return a builder with the stuff strategy, English prompts and the default budget
     */
    public static Builder builder(Retriever retriever, Component<PromptValue, ?> model) {
        return new Builder(retriever, model);
    }

    /**
     * Answers {@code question}.
     *
     * @param question the question
     * @return the answer with the documents it rests on and those dropped
     */
    public QaResult ask(String question) {
        return ask(question, RunConfig.defaults());
    }

    /**
     * Answers {@code question}, traced with this config.
     *
     * @param question the question
     * @param config the run's callbacks, tags and limits
     * @return the answer with the documents it rests on and those dropped
     */
    public QaResult ask(String question, RunConfig config) {
        return Run.trace(this, question, config, child -> answer(question, child));
    }

    /**
     * Streams the answer token by token from the last model call, traced as this chain's run (the
     * retrieved documents are in the retriever's run). Closing the stream cancels the model call.
     *
     * @param question the question
     * @param config the run's callbacks, tags and limits
     * @return the answer's text pieces as the model produces them
     */
    public Stream<String> streamAnswer(String question, RunConfig config) {
        return Run.traceStream(this, question, config, child -> {
            Combination combination = combination(question, child);
            return combination.answer() != null ? Stream.of(combination.answer())
                    : model.stream(combination.finalPrompt(), child).map(OutputParser::textOf);
        });
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        return answer(ChainInputs.string(name, input, QaResult.QUESTION), config).toMap();
    }

    private QaResult answer(String question, RunConfig config) {
        Combination combination = combination(question, config);
        String answer = combination.answer() != null ? combination.answer()
                : OutputParser.textOf(model.invoke(combination.finalPrompt(), config));
        return new QaResult(question, null, answer, combination.sources(), combination.dropped());
    }

    private Combination combination(String question, RunConfig config) {
        List<Document> documents = retriever.invoke(question, config);
        return combine.run(model, Map.of(QaResult.QUESTION, question), documents, config);
    }

    @Override
    public List<String> inputKeys() {
        return List.of(QaResult.QUESTION);
    }

    @Override
    public List<String> outputKeys() {
        return List.of(QaResult.ANSWER, QaResult.SOURCE_DOCUMENTS, QaResult.DROPPED_DOCUMENTS);
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return combine.prompts();
    }

    @Override
    public String name() {
        return name;
    }

    /** Builds a {@link RetrievalQaChain}; see {@link CombineSettings} for the combine settings. */
    public static final class Builder extends CombineSettings<Builder> {
        private final Retriever retriever;
        private final Component<PromptValue, ?> model;
        private String name = "RetrievalQaChain";

        private Builder(Retriever retriever, Component<PromptValue, ?> model) {
            super(QaPrompts::defaults);
            this.retriever = Objects.requireNonNull(retriever, "retriever");
            this.model = Objects.requireNonNull(model, "model");
        }

        /**
         * The name shown in traces.
         *
         * @param value the chain's name in traces and error messages (default "RetrievalQaChain")
         * @return this builder
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Builds the chain, checking the replaced prompts' names and variables.
         *
         * @return the chain
         * @throws dev.catena.chains.ChainValidationException if a replaced prompt's name is unknown or a prompt lacks a variable
         */
        public RetrievalQaChain build() {
            return new RetrievalQaChain(this);
        }
    }
}
