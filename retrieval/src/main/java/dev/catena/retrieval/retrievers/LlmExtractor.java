package dev.catena.retrieval.retrievers;

import dev.catena.core.ChatModel;
import dev.catena.core.Document;
import dev.catena.core.PromptValue;
import dev.catena.core.RunConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compressor that asks a chat model to copy out only the parts of each document relevant to
 * the query (LangChain's {@code LLMChainExtractor}). A document the model finds irrelevant (reply
 * {@value #NO_OUTPUT} or blank) is dropped; the others keep their id and metadata with the
 * extracted text. The prompt is {@link #DEFAULT_PROMPT} unless you pass your own, with
 * {@code {question}} and {@code {context}} replaced by the query and the document's text. One
 * model call per document, each visible in traces.
 */
public final class LlmExtractor implements DocumentCompressor {

    /** What the model answers when nothing in a document is relevant. */
    public static final String NO_OUTPUT = "NO_OUTPUT";

    /** The default prompt; replace it with {@link #withPrompt}. */
    public static final String DEFAULT_PROMPT = """
            Below are a question and a passage. Copy, word for word, the sentences of the passage \
            that help answer the question, and nothing else. If no part of the passage helps, answer \
            exactly NO_OUTPUT.

            Question: {question}

            Passage:
            >>>
            {context}
            >>>

            Relevant sentences:""";

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(question|context)}");

    private final ChatModel model;
    private final String prompt;

    private LlmExtractor(ChatModel model, String prompt) {
        this.model = Objects.requireNonNull(model, "model");
        if (!prompt.contains("{context}")) {
            throw new IllegalArgumentException("the extractor prompt must contain {context}; got: " + prompt);
        }
        this.prompt = prompt;
    }

    /** An extractor with {@link #DEFAULT_PROMPT}. */
    public static LlmExtractor of(ChatModel model) {
        return new LlmExtractor(model, DEFAULT_PROMPT);
    }

    /** This extractor with another prompt; it must contain {@code {context}} (and usually {@code {question}}). */
    public LlmExtractor withPrompt(String template) {
        return new LlmExtractor(model, template);
    }

    @Override
    public List<Document> compress(List<Document> documents, String query, RunConfig config) {
        List<Document> out = new ArrayList<>(documents.size());
        for (Document doc : documents) {
            // One pass, so a question or passage that itself contains "{context}" is left alone.
            String text = PLACEHOLDER.matcher(prompt).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                    m.group(1).equals("question") ? query : doc.text()));
            String reply = model.invoke(PromptValue.of(text), config).text().strip();
            if (!reply.isEmpty() && !reply.equals(NO_OUTPUT)) {
                out.add(doc.withText(reply));
            }
        }
        return out;
    }
}
