package dev.catena.retrieval.retrievers;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.PromptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compressor that asks a chat model to copy out only the parts of each document relevant to
 * the query (LangChain's {@code LLMChainExtractor}). A document the model finds irrelevant (reply
 * {@value #NO_OUTPUT} or blank) is dropped; the others keep their id and metadata with the
 * extracted text. The prompt is {@link #DEFAULT_PROMPT} unless you pass your own
 * {@link PromptTemplate} with {@code {context}} (the document's text) and usually
 * {@code {question}} (the query). One formatted prompt and one model call per document, each a run
 * under the retrieval's run.
 *
 * <pre>{@code
 * DocumentCompressor extractor = LlmExtractor.of(chatModel);
 * DocumentCompressor french = LlmExtractor.of(chatModel, PromptTemplate.fromTemplate(
 *         "Recopie les phrases utiles pour « {question} », ou NO_OUTPUT :\n{context}"));
 * }</pre>
 */
public final class LlmExtractor implements DocumentCompressor {

    /** What the model answers when nothing in a document is relevant. */
    public static final String NO_OUTPUT = "NO_OUTPUT";

    /** The prompt variable that receives the query. */
    public static final String QUESTION = "question";

    /** The prompt variable that receives a document's text. */
    public static final String CONTEXT = "context";

    /** The default prompt; pass another to {@link #of(ChatModel, PromptTemplate)}. */
    public static final PromptTemplate DEFAULT_PROMPT = PromptTemplate.fromTemplate("""
            Below are a question and a passage. Copy, word for word, the sentences of the passage \
            that help answer the question, and nothing else. If no part of the passage helps, answer \
            exactly NO_OUTPUT.

            Question: {question}

            Passage:
            >>>
            {context}
            >>>

            Relevant sentences:""");

    private final ChatModel model;
    private final PromptTemplate prompt;

    private LlmExtractor(ChatModel model, PromptTemplate prompt) {
        this.model = Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        List<String> variables = prompt.inputVariables();
        if (!variables.contains(CONTEXT) || !Set.of(QUESTION, CONTEXT).containsAll(variables)) {
            throw new IllegalArgumentException("an extractor prompt must have the input variable {context} and may have"
                    + " {question}, no others (fix them with partial(...)); this one has " + variables);
        }
        this.prompt = prompt;
    }

    /**
     * {@return an extractor with {@link #DEFAULT_PROMPT}}
     *
     * @param model extracts the relevant parts
     */
    public static LlmExtractor of(ChatModel model) {
        return new LlmExtractor(model, DEFAULT_PROMPT);
    }

    /**
     * {@return an extractor with another prompt: {@code {context}} required, {@code {question}} optional}
     *
     * @param model extracts the relevant parts
     * @param prompt the extraction prompt
     */
    public static LlmExtractor of(ChatModel model, PromptTemplate prompt) {
        return new LlmExtractor(model, prompt);
    }

    /** {@return the prompt sent once per document} */
    public PromptTemplate prompt() {
        return prompt;
    }

    @Override
    public List<Document> compress(List<Document> documents, String query, RunConfig config) {
        List<Document> out = new ArrayList<>(documents.size());
        for (Document doc : documents) {
            // The template is formatted in one pass, so a query or passage holding "{context}" stays as written.
            PromptValue request = prompt.invoke(Map.of(QUESTION, query, CONTEXT, doc.text()), config);
            String reply = model.invoke(request, config).text().strip();
            if (!reply.isEmpty() && !reply.equals(NO_OUTPUT)) {
                out.add(doc.withText(reply));
            }
        }
        return out;
    }
}
