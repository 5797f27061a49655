package dev.catena.examples;

import dev.catena.chains.qa.ConversationalRetrievalChain;
import dev.catena.chains.qa.ConversationalRetrievalChain.Condense;
import dev.catena.chains.qa.QaResult;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.tracing.ConsoleTracer;
import dev.catena.memory.BufferMemory;
import dev.catena.memory.InMemoryChatMessageHistory;
import dev.catena.models.ExtractiveAnswerModel;
import dev.catena.models.FakeChatModel;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.retrievers.VectorStoreRetriever;
import dev.catena.retrieval.stores.InMemoryVectorStore;

/**
 * A {@link ConversationalRetrievalChain} over the bundled knowledge base, twice: with the condense
 * step only when there is history (the follow-up is rewritten, and the rewrite is printed and shown
 * in the trace), and with condensing off (the follow-up is searched as asked). Offline, the rewrite
 * comes from a script (no offline model can rewrite a question) and the answers from
 * {@link ExtractiveAnswerModel}, which quotes the retrieved sentences closest to the question.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.ConversationalQaExample
 * }</pre>
 */
public final class ConversationalQaExample {

    private ConversationalQaExample() {
    }

    public static void main(String[] args) {
        InMemoryVectorStore store = KnowledgeBase.indexed(KnowledgeBase.chunks(KnowledgeBase.folder()),
                new HashingEmbeddingModel(), KnowledgeBase.temporaryIndexFolder());
        VectorStoreRetriever retriever = VectorStoreRetriever.similarity(store, 2);

        ExtractiveAnswerModel answers = new ExtractiveAnswerModel(1);
        FakeChatModel rewriter = FakeChatModel.of("How can a vector store be saved and loaded back?");
        // The condense prompt goes to the scripted rewriter, every answer prompt to the extractive model.
        ChatModel model = new ChatModel() {
            @Override
            public AiMessage generate(ChatRequest request, RunConfig config) {
                return request.messages().get(0).text().startsWith("Given the following conversation")
                        ? rewriter.generate(request, config) : answers.generate(request, config);
            }

            @Override
            public String name() {
                return "OfflineModel";
            }
        };
        ConversationalRetrievalChain chat = ConversationalRetrievalChain.builder(retriever, model,
                new BufferMemory(new InMemoryChatMessageHistory())).condense(Condense.WITH_HISTORY).build();
        turn("condense with history", chat, "What does a retriever return?", RunConfig.defaults());
        turn("condense with history", chat, "And can its store be saved?",
                RunConfig.builder().callbacks(new ConsoleTracer()).build());

        ConversationalRetrievalChain plain = ConversationalRetrievalChain.builder(retriever, model,
                new BufferMemory(new InMemoryChatMessageHistory())).condense(Condense.OFF).build();
        turn("condense off", plain, "What does a retriever return?", RunConfig.defaults());
        turn("condense off", plain, "And can its store be saved?", RunConfig.defaults());
    }

    private static void turn(String mode, ConversationalRetrievalChain chat, String question, RunConfig config) {
        QaResult result = chat.ask("demo", question, config);
        System.out.println("[" + mode + "] Q: " + question);
        System.out.println("[" + mode + "] rewritten: " + (result.rewrittenQuestion() == null ? "(none)" : result.rewrittenQuestion()));
        System.out.println("[" + mode + "] A: " + result.answer());
        System.out.println("[" + mode + "] sources: " + result.sourceDocuments().stream().map(KnowledgeBase::sourceName).toList());
    }
}
