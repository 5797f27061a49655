package dev.catena.chains.qa;

import dev.catena.chains.Chain;
import dev.catena.chains.ChainInputs;
import dev.catena.chains.ChainValidationException;
import dev.catena.chains.LlmChain;
import dev.catena.chains.documents.Combination;
import dev.catena.chains.documents.CombineDocuments;
import dev.catena.chains.documents.CombineSettings;
import dev.catena.chains.documents.PromptLanguage;
import dev.catena.core.components.Component;
import dev.catena.core.components.Run;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.PromptValue;
import dev.catena.memory.ChatMemory;
import dev.catena.prompts.parsers.OutputParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Question answering in a conversation (LangChain's {@code ConversationalRetrievalChain}), with the
 * question rewriting made explicit: the "condense" step, which turns a follow-up into a standalone
 * question from the history, runs {@link Condense#OFF never}, {@link Condense#ALWAYS always} or
 * {@link Condense#WITH_HISTORY only when the session has history}; its prompt is replaceable; its
 * output is in the result ({@link QaResult#rewrittenQuestion()}) and in the trace (a run named
 * "condense"). Which question retrieves and which answers is chosen separately, so the user's own
 * words can reach the model even when retrieval uses the rewritten one.
 *
 * <pre>{@code
 * ConversationalRetrievalChain chat = ConversationalRetrievalChain.builder(retriever, model, memory)
 *         .condense(Condense.WITH_HISTORY)
 *         .retrieveWith(Question.REWRITTEN).answerWith(Question.RAW)
 *         .build();
 * QaResult first = chat.ask("alice", "What is a retriever?");
 * QaResult next = chat.ask("alice", "And how is it different from a vector store?");
 * }</pre>
 *
 * <p>Each turn (the user's question as asked and the answer) is appended to the memory's history.
 */
public final class ConversationalRetrievalChain implements Chain {

    /** When the condense step rewrites the question. */
    public enum Condense {
        /** Never: the question goes to retrieval and the answer as asked. */
        OFF,
        /** On every turn, even the first. */
        ALWAYS,
        /** Only when the session already has history (LangChain's behaviour). */
        WITH_HISTORY
    }

    /** Which form of the question a step uses. */
    public enum Question {
        /** The question as the user asked it. */
        RAW,
        /** The condense step's standalone question (the raw one when condense did not run). */
        REWRITTEN
    }

    /** The input key of the session id. */
    public static final String SESSION_ID = LlmChain.SESSION_ID;
    /** The condense prompt's variable for the conversation so far. */
    public static final String CHAT_HISTORY = "chat_history";
    /** The name of the condense prompt. */
    public static final String CONDENSE_PROMPT = "condense";

    private final Retriever retriever;
    private final Component<PromptValue, ?> model;
    private final ChatMemory memory;
    private final CombineDocuments combine;
    private final Component<Map<String, Object>, PromptValue> condensePrompt;
    private final LlmChain condenseStep;
    private final Condense condense;
    private final Question retrieveWith;
    private final Question answerWith;
    private final String name;

    private ConversationalRetrievalChain(Builder b) {
        this.retriever = b.retriever;
        this.model = b.model;
        this.memory = b.memory;
        this.combine = b.combine(CONDENSE_PROMPT);
        this.condensePrompt = b.replacedPrompt(CONDENSE_PROMPT) != null ? b.replacedPrompt(CONDENSE_PROMPT)
                : b.language() == PromptLanguage.CHINESE ? QaPrompts.CONDENSE_QUESTION_ZH : QaPrompts.CONDENSE_QUESTION;
        this.condenseStep = LlmChain.builder(condensePrompt, model).name(CONDENSE_PROMPT).build();
        if (!condenseStep.inputKeys().containsAll(List.of(CHAT_HISTORY, QaResult.QUESTION))
                && !ChainInputs.variablesOf(condensePrompt).isEmpty()) {
            throw new ChainValidationException("the condense prompt must use {" + CHAT_HISTORY
                    + "} and {question}; it uses " + condenseStep.inputKeys());
        }
        this.condense = b.condense;
        this.retrieveWith = b.retrieveWith;
        this.answerWith = b.answerWith;
        this.name = b.name;
    }

    /**
     * A builder over this retriever, chat or text model and memory (the memory chooses what history the condense step sees).
     *
     * @param retriever finds the documents for a question
     * @param model the chat or text model that condenses and answers
     * @param memory holds each session's turns
     * @return a builder that condenses when there is history and uses the rewritten question for both retrieval and answer
     */
    public static Builder builder(Retriever retriever, Component<PromptValue, ?> model, ChatMemory memory) {
        return new Builder(retriever, model, memory);
    }

    /**
     * Answers {@code question} in session {@code sessionId}.
     *
     * @param sessionId the conversation whose history is read and the turn added to
     * @param question the user's question
     * @return the answer with the rewritten question and the documents it rests on and those dropped
     */
    public QaResult ask(String sessionId, String question) {
        return ask(sessionId, question, RunConfig.defaults());
    }

    /**
     * As {@link #ask(String, String)}, traced with this config.
     *
     * @param sessionId the conversation whose history is read and the turn added to
     * @param question the user's question
     * @param config the run's callbacks, tags and limits
     * @return the answer with the rewritten question and the documents it rests on and those dropped
     */
    public QaResult ask(String sessionId, String question, RunConfig config) {
        return Run.trace(this, Map.of(SESSION_ID, sessionId, QaResult.QUESTION, question), config,
                child -> answer(sessionId, question, child));
    }

    /**
     * Streams the answer token by token, traced as this chain's run; the condense step's question is
     * in the "condense" child run. The turn is saved once the stream is read to the end; closing it
     * early cancels the model call and saves nothing.
     *
     * @param sessionId the conversation whose history is read and the turn added to
     * @param question the user's question
     * @param config the run's callbacks, tags and limits
     * @return the answer's text pieces as the model produces them
     */
    public Stream<String> streamAnswer(String sessionId, String question, RunConfig config) {
        return Run.traceStream(this, Map.of(SESSION_ID, sessionId, QaResult.QUESTION, question), config, child -> {
            Prepared prepared = prepare(sessionId, question, child);
            Combination c = prepared.combination();
            StringBuilder whole = new StringBuilder();
            Stream<String> tokens = c.answer() != null ? Stream.of(c.answer())
                    : model.stream(c.finalPrompt(), child).map(OutputParser::textOf);
            Stream<String> save = Stream.of(whole).flatMap(sb -> {
                memory.add(sessionId, List.of(ChatMessage.user(question), ChatMessage.ai(sb.toString())));
                return Stream.empty();
            });
            return Stream.concat(tokens.peek(whole::append), save);
        });
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        QaResult result = answer(ChainInputs.string(name, input, SESSION_ID), ChainInputs.string(name, input, QaResult.QUESTION), config);
        Map<String, Object> out = new LinkedHashMap<>(result.toMap());
        out.putIfAbsent(QaResult.REWRITTEN_QUESTION, null);
        return out;
    }

    private record Prepared(String rewritten, Combination combination) {
    }

    private Prepared prepare(String sessionId, String question, RunConfig config) {
        List<ChatMessage> history = memory.messages(sessionId, config);
        String rewritten = null;
        if (condense == Condense.ALWAYS || (condense == Condense.WITH_HISTORY && !history.isEmpty())) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put(CHAT_HISTORY, ChatMessage.toBufferString(history));
            in.put(QaResult.QUESTION, question);
            rewritten = String.valueOf(condenseStep.invoke(in, config).get(LlmChain.TEXT)).strip();
        }
        String forRetrieval = retrieveWith == Question.REWRITTEN && rewritten != null ? rewritten : question;
        String forAnswer = answerWith == Question.REWRITTEN && rewritten != null ? rewritten : question;
        List<Document> documents = retriever.invoke(forRetrieval, config);
        Combination combination = combine.run(model, Map.of(QaResult.QUESTION, forAnswer), documents, config);
        return new Prepared(rewritten, combination);
    }

    private QaResult answer(String sessionId, String question, RunConfig config) {
        Prepared prepared = prepare(sessionId, question, config);
        Combination c = prepared.combination();
        String answer = c.answer() != null ? c.answer() : OutputParser.textOf(model.invoke(c.finalPrompt(), config));
        memory.add(sessionId, List.of(ChatMessage.user(question), ChatMessage.ai(answer)));
        return new QaResult(question, prepared.rewritten(), answer, c.sources(), c.dropped());
    }

    @Override
    public List<String> inputKeys() {
        return List.of(QaResult.QUESTION, SESSION_ID);
    }

    @Override
    public List<String> outputKeys() {
        return List.of(QaResult.ANSWER, QaResult.SOURCE_DOCUMENTS, QaResult.DROPPED_DOCUMENTS, QaResult.REWRITTEN_QUESTION);
    }

    /** The condense prompt (even when condensing is off) and the combine strategy's prompts. */
    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        Map<String, Component<Map<String, Object>, PromptValue>> all = new LinkedHashMap<>();
        all.put(CONDENSE_PROMPT, condensePrompt);
        all.putAll(combine.prompts());
        return all;
    }

    @Override
    public String name() {
        return name;
    }

    /** Builds a {@link ConversationalRetrievalChain}; see {@link CombineSettings} for the combine settings. */
    public static final class Builder extends CombineSettings<Builder> {
        private final Retriever retriever;
        private final Component<PromptValue, ?> model;
        private final ChatMemory memory;
        private Condense condense = Condense.WITH_HISTORY;
        private Question retrieveWith = Question.REWRITTEN;
        private Question answerWith = Question.REWRITTEN;
        private String name = "ConversationalRetrievalChain";

        private Builder(Retriever retriever, Component<PromptValue, ?> model, ChatMemory memory) {
            super(QaPrompts::defaults);
            this.retriever = Objects.requireNonNull(retriever, "retriever");
            this.model = Objects.requireNonNull(model, "model");
            this.memory = Objects.requireNonNull(memory, "memory");
        }

        /**
         * When to rewrite the question (default {@link Condense#WITH_HISTORY}).
         *
         * @param value when the condense step runs
         * @return this builder
         */
        public Builder condense(Condense value) {
            this.condense = Objects.requireNonNull(value, "condense");
            return this;
        }

        /**
         * Which question retrieves documents (default {@link Question#REWRITTEN}).
         *
         * @param value the raw or the rewritten question
         * @return this builder
         */
        public Builder retrieveWith(Question value) {
            this.retrieveWith = Objects.requireNonNull(value, "retrieveWith");
            return this;
        }

        /**
         * Which question the answer prompt gets (default {@link Question#REWRITTEN}).
         *
         * @param value the raw or the rewritten question
         * @return this builder
         */
        public Builder answerWith(Question value) {
            this.answerWith = Objects.requireNonNull(value, "answerWith");
            return this;
        }

        /**
         * The name shown in traces.
         *
         * @param value the chain's name in traces and error messages (default "ConversationalRetrievalChain")
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
         * @throws ChainValidationException if a replaced prompt's name is unknown or a prompt lacks a variable,
         *     the condense prompt included
         */
        public ConversationalRetrievalChain build() {
            return new ConversationalRetrievalChain(this);
        }
    }
}
