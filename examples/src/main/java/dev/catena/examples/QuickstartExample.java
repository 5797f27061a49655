package dev.catena.examples;

import dev.catena.chains.documents.PromptLanguage;
import dev.catena.chains.documents.TokenBudget;
import dev.catena.chains.qa.QaResult;
import dev.catena.chains.qa.RetrievalQaChain;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.TokenCounter;
import dev.catena.core.text.Scripts;
import dev.catena.core.tracing.ConsoleTracer;
import dev.catena.models.ExtractiveAnswerModel;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.models.ModelCatalog;
import dev.catena.models.ModelInfo;
import dev.catena.models.openai.OpenAiChatModel;
import dev.catena.retrieval.retrievers.VectorStoreRetriever;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The README's first command runs this: question answering over the bundled knowledge base (Chinese
 * and English Markdown and text about LangChain's concepts). Load → split (Chinese preset) → embed
 * (hashing embeddings, offline) → store, saved to a folder and loaded back → retrieve →
 * {@link RetrievalQaChain} → print the answer, its sources and the trace tree.
 *
 * <p>With {@code OPENAI_API_KEY} set it answers with {@link OpenAiChatModel} ({@code OPENAI_BASE_URL}
 * and {@code OPENAI_MODEL} pick another OpenAI-compatible server and model: Ollama, DeepSeek, Qwen,
 * GLM). Without it, it says it is offline and answers with {@link ExtractiveAnswerModel}, which
 * quotes the retrieved sentences closest to the question. Pass a question as the arguments:
 * {@code -Dexec.args="What does a retriever return?"}.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.QuickstartExample
 * }</pre>
 */
public final class QuickstartExample {

    /** The question asked when none is given. */
    static final String DEFAULT_QUESTION = "LangChain 中的链是什么？";

    private QuickstartExample() {
    }

    public static void main(String[] args) {
        run(args.length > 0 ? String.join(" ", args) : DEFAULT_QUESTION, System.getenv());
    }

    /** Answers {@code question}, choosing the model from {@code env} (the environment variables). */
    static void run(String question, Map<String, String> env) {
        String key = env.get("OPENAI_API_KEY");
        ChatModel model;
        TokenBudget budget;
        if (key == null || key.isBlank()) {
            System.out.println("Offline: OPENAI_API_KEY is not set, so the answer comes from ExtractiveAnswerModel, which "
                    + "quotes the retrieved sentences closest to the question (it understands nothing). Set OPENAI_API_KEY, "
                    + "and optionally OPENAI_BASE_URL and OPENAI_MODEL, to answer with a real model.");
            model = new ExtractiveAnswerModel();
            budget = TokenBudget.of(8_192, 1_024);
        } else {
            String configured = env.get("OPENAI_MODEL");
            String modelName = configured == null || configured.isBlank() ? "gpt-4o-mini" : configured;
            OpenAiChatModel.Builder builder = OpenAiChatModel.builder().apiKey(key).model(modelName);
            String baseUrl = env.get("OPENAI_BASE_URL");
            if (baseUrl != null && !baseUrl.isBlank()) {
                builder.baseUrl(baseUrl);
            }
            model = builder.build();
            ModelInfo info = ModelCatalog.lookup(modelName).orElse(null);
            budget = info == null ? TokenBudget.of(8_192, 1_024)
                    : new TokenBudget(TokenCounter.of(info.encoding()), info.contextWindow(), Math.min(2_048, info.maxOutputTokens()));
            System.out.println("Online: answering with " + modelName + (baseUrl == null || baseUrl.isBlank() ? "" : " at " + baseUrl)
                    + "; embeddings stay offline (HashingEmbeddingModel).");
        }

        Path folder = KnowledgeBase.folder();
        List<Document> chunks = KnowledgeBase.chunks(folder);
        Path index = KnowledgeBase.temporaryIndexFolder();
        InMemoryVectorStore store = KnowledgeBase.indexed(chunks, new HashingEmbeddingModel(), index);
        System.out.println("Indexed " + chunks.size() + " chunks of the bundled knowledge base; saved and loaded back from a folder.");

        boolean chinese = question.codePoints().anyMatch(Scripts::isCjk);
        RetrievalQaChain qa = RetrievalQaChain.builder(VectorStoreRetriever.similarity(store, 4), model)
                .language(chinese ? PromptLanguage.CHINESE : PromptLanguage.ENGLISH)
                .budget(budget)
                .build();
        System.out.println("Question: " + question);
        System.out.println();
        QaResult result = qa.ask(question, RunConfig.builder().callbacks(new ConsoleTracer()).tags("quickstart").build());
        System.out.println();
        System.out.println("Answer: " + result.answer());
        System.out.println("Sources:");
        for (Document source : result.sourceDocuments()) {
            System.out.println("  - " + KnowledgeBase.sourceName(source) + ": " + source.text().lines().findFirst().orElse(""));
        }
        if (!result.droppedDocuments().isEmpty()) {
            System.out.println("Dropped to fit the context window: " + result.droppedDocuments().size() + " documents");
        }
    }
}
