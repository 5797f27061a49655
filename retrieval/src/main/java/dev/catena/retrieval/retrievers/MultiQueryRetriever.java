package dev.catena.retrieval.retrievers;

import dev.catena.core.ChatModel;
import dev.catena.core.Component;
import dev.catena.core.Document;
import dev.catena.core.PromptValue;
import dev.catena.core.Retriever;
import dev.catena.core.RunConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Asks a chat model to rephrase the question several ways, retrieves for each rephrasing and
 * returns the union (LangChain's {@code MultiQueryRetriever}), so a question worded unlike the
 * documents still finds them. The prompt is {@link #DEFAULT_PROMPT} unless you pass your own;
 * {@code {question}} in it is replaced by the user's question. The model's reply is read one
 * question per non-blank line. The model call and every retrieval appear in traces.
 *
 * <pre>{@code
 * Retriever retriever = MultiQueryRetriever.of(vectorRetriever, chatModel);
 * }</pre>
 */
public final class MultiQueryRetriever implements Retriever {

    /**
     * The default prompt: asks for three rephrasings, one per line. Replace it with
     * {@link #withPrompt} to change the count, the wording or the language.
     */
    public static final String DEFAULT_PROMPT = """
            Write 3 alternative versions of the question below, each worded differently, so that a \
            search over a vector database can find documents that the original wording would miss. \
            Put each version on its own line, with no numbering and nothing else.
            Question: {question}""";

    private final Component<String, List<Document>> retriever;
    private final ChatModel model;
    private final String prompt;
    private final boolean includeOriginal;

    private MultiQueryRetriever(Component<String, List<Document>> retriever, ChatModel model, String prompt, boolean includeOriginal) {
        this.retriever = Objects.requireNonNull(retriever, "retriever");
        this.model = Objects.requireNonNull(model, "model");
        if (!prompt.contains("{question}")) {
            throw new IllegalArgumentException("the multi-query prompt must contain {question}; got: " + prompt);
        }
        this.prompt = prompt;
        this.includeOriginal = includeOriginal;
    }

    /** Rephrases with {@link #DEFAULT_PROMPT} and searches only the rephrasings (LangChain's default). */
    public static MultiQueryRetriever of(Component<String, List<Document>> retriever, ChatModel model) {
        return new MultiQueryRetriever(retriever, model, DEFAULT_PROMPT, false);
    }

    /** This retriever with another prompt; it must contain {@code {question}}. */
    public MultiQueryRetriever withPrompt(String template) {
        return new MultiQueryRetriever(retriever, model, template, includeOriginal);
    }

    /** This retriever also searching the original question. */
    public MultiQueryRetriever includingOriginal() {
        return new MultiQueryRetriever(retriever, model, prompt, true);
    }

    /** The queries that will be searched for a question: the model's rephrasings (and the original if asked). */
    public List<String> queries(String question, RunConfig config) {
        String reply = model.invoke(PromptValue.of(prompt.replace("{question}", question)), config).text();
        List<String> queries = new ArrayList<>();
        for (String line : reply.strip().split("\n")) {
            if (!line.isBlank()) {
                queries.add(line.strip());
            }
        }
        if (includeOriginal) {
            queries.add(question);
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
}
