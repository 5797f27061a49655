package dev.catena.examples;

import dev.catena.chains.documents.TokenBudget;
import dev.catena.chains.qa.QaResult;
import dev.catena.chains.qa.RetrievalQaChain;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.models.ExtractiveAnswerModel;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.retrievers.VectorStoreRetriever;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.util.List;
import java.util.stream.Stream;

/**
 * Answers with sources over a folder (the bundled knowledge base): a {@link RetrievalQaChain} with
 * the stuff strategy, first with room for every retrieved chunk, then with a small context window so
 * the lowest-ranked chunks are dropped and listed, then streamed token by token. Prints the prompts
 * the chain sends. Offline: {@link ExtractiveAnswerModel} quotes the closest sentences.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.DocumentQaExample
 * }</pre>
 */
public final class DocumentQaExample {

    private DocumentQaExample() {
    }

    public static void main(String[] args) {
        List<Document> chunks = KnowledgeBase.chunks(KnowledgeBase.folder());
        InMemoryVectorStore store = KnowledgeBase.indexed(chunks, new HashingEmbeddingModel(), KnowledgeBase.temporaryIndexFolder());
        VectorStoreRetriever retriever = VectorStoreRetriever.similarity(store, 5);
        String question = "What does a text splitter do before documents are embedded?";

        RetrievalQaChain roomy = RetrievalQaChain.builder(retriever, new ExtractiveAnswerModel()).build();
        System.out.println("Prompts: " + roomy.prompts().keySet());
        print(roomy.ask(question));

        RetrievalQaChain tight = RetrievalQaChain.builder(retriever, new ExtractiveAnswerModel())
                .budget(TokenBudget.of(300, 100)).build();
        print(tight.ask(question));

        System.out.print("Streamed: ");
        try (Stream<String> tokens = roomy.streamAnswer("How is a vector store saved?", RunConfig.defaults())) {
            tokens.forEach(token -> System.out.print("[" + token + "]"));
        }
        System.out.println();
    }

    private static void print(QaResult result) {
        System.out.println("Answer: " + result.answer());
        System.out.println("Sources: " + result.sourceDocuments().stream().map(KnowledgeBase::sourceName).toList());
        System.out.println("Dropped: " + result.droppedDocuments().stream().map(KnowledgeBase::sourceName).toList());
    }
}
