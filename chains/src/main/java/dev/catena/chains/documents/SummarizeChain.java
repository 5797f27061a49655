package dev.catena.chains.documents;

import dev.catena.chains.Chain;
import dev.catena.chains.ChainInputException;
import dev.catena.core.components.Component;
import dev.catena.core.components.Run;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.parsers.OutputParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Summarises documents (LangChain's {@code load_summarize_chain}) with the stuff, map-reduce or refine
 * strategy and the prompts of {@link SummarizePrompts}, each replaceable. The splitter is yours:
 * split a long text into documents first, e.g. with {@code RecursiveCharacterTextSplitter}.
 *
 * <pre>{@code
 * SummarizeChain summarize = SummarizeChain.builder(model)
 *         .strategy(CombineStrategy.MAP_REDUCE).language(PromptLanguage.CHINESE).build();
 * Summary summary = summarize.summarize(splitter.splitDocuments(documents));
 * }</pre>
 */
public final class SummarizeChain implements Chain {

    /** The input key of the documents (a {@code List<Document>}). */
    public static final String INPUT_DOCUMENTS = "input_documents";
    /** The output key of the summary text. */
    public static final String OUTPUT_TEXT = "output_text";

    private final Component<PromptValue, ?> model;
    private final CombineDocuments combine;

    private SummarizeChain(Builder b) {
        this.model = b.model;
        this.combine = b.combine();
    }

    /**
     * A builder over this chat or text model.
     *
     * @param model the model every summarising call goes to
     * @return a builder with the stuff strategy, English prompts and the default budget
     */
    public static Builder builder(Component<PromptValue, ?> model) {
        return new Builder(model);
    }

    /**
     * Summarises the documents, in order.
     *
     * @param documents the documents to summarise
     * @return the summary, with the documents it covers and any dropped to fit the budget
     */
    public Summary summarize(List<Document> documents) {
        return summarize(documents, RunConfig.defaults());
    }

    /**
     * As {@link #summarize(List)}, traced with this config.
     *
     * @param documents the documents to summarise
     * @param config the run's callbacks, tags and limits
     * @return the summary, with the documents it covers and any dropped to fit the budget
     */
    public Summary summarize(List<Document> documents, RunConfig config) {
        return Run.trace(this, documents, config, child -> run(documents, child));
    }

    /**
     * Streams the summary token by token from the last model call; closing the stream cancels it.
     *
     * @param documents the documents to summarise
     * @param config the run's callbacks, tags and limits
     * @return the summary's text pieces as the model produces them
     */
    public Stream<String> streamSummary(List<Document> documents, RunConfig config) {
        return Run.traceStream(this, documents, config, child -> {
            Combination c = combine.run(model, Map.of(), documents, child);
            return c.answer() != null ? Stream.of(c.answer()) : model.stream(c.finalPrompt(), child).map(OutputParser::textOf);
        });
    }

    private Summary run(List<Document> documents, RunConfig config) {
        Combination c = combine.run(model, Map.of(), documents, config);
        String text = c.answer() != null ? c.answer() : OutputParser.textOf(model.invoke(c.finalPrompt(), config));
        return new Summary(text, c.sources(), c.dropped(), c.intermediate());
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        if (!(input.get(INPUT_DOCUMENTS) instanceof List<?> list) || !list.stream().allMatch(Document.class::isInstance)) {
            throw new ChainInputException("SummarizeChain needs '" + INPUT_DOCUMENTS + "' as a List<Document>, was given "
                    + input.get(INPUT_DOCUMENTS));
        }
        @SuppressWarnings("unchecked")
        Summary summary = run((List<Document>) list, config);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(OUTPUT_TEXT, summary.text());
        return out;
    }

    @Override
    public List<String> inputKeys() {
        return List.of(INPUT_DOCUMENTS);
    }

    @Override
    public List<String> outputKeys() {
        return List.of(OUTPUT_TEXT);
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return combine.prompts();
    }

    /** Builds a {@link SummarizeChain}; see {@link CombineSettings} for strategy, language, prompts and budget. */
    public static final class Builder extends CombineSettings<Builder> {
        private final Component<PromptValue, ?> model;

        private Builder(Component<PromptValue, ?> model) {
            super(SummarizePrompts::defaults);
            this.model = Objects.requireNonNull(model, "model");
        }

        /**
         * Builds the chain, checking the replaced prompts' names and variables.
         *
         * @return the chain
         * @throws dev.catena.chains.ChainValidationException if a replaced prompt's name is unknown or a prompt lacks a variable,
         *     or the strategy is map_rerank, which cannot summarise
         */
        public SummarizeChain build() {
            return new SummarizeChain(this);
        }
    }
}
