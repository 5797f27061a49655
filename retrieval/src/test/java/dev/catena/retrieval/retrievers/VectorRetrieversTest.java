package dev.catena.retrieval.retrievers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.UserMessage;
import dev.catena.core.models.Embedding;
import dev.catena.models.FakeChatModel;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.prompts.PromptTemplate;
import dev.catena.retrieval.splitters.CharacterTextSplitter;
import dev.catena.retrieval.splitters.TextSplitter;
import dev.catena.retrieval.stores.Filter;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VectorRetrieversTest {

    private final HashingEmbeddingModel model = new HashingEmbeddingModel(256);

    private InMemoryVectorStore petsAndMarkets() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addDocuments(List.of(
                new Document("cat", "The cat sat on the mat and purred", Map.of("topic", "pets")),
                new Document("kitten", "A kitten purred on the warm mat", Map.of("topic", "pets")),
                new Document("dog", "The dog barked at the postman", Map.of("topic", "pets")),
                new Document("stocks", "Stock markets fell sharply on Monday", Map.of("topic", "markets")),
                new Document("rates", "The central bank raised interest rates", Map.of("topic", "markets"))));
        return store;
    }

    @Test
    void similarityRetrieverTracesTheQueryEmbeddingAndHonoursTheFilter() {
        RunRecorder recorder = new RunRecorder();
        VectorStoreRetriever retriever = VectorStoreRetriever.similarity(petsAndMarkets(), 2);
        List<Document> docs = retriever.invoke("a cat purred on the mat", RunConfig.builder().callbacks(recorder).build());
        assertThat(docs).extracting(Document::id).containsExactly("cat", "kitten");
        assertThat(recorder.first("embedding_model").parentRunId()).contains(recorder.first("retriever").runId());

        assertThat(retriever.withFilter(Filter.eq("topic", "markets")).retrieve("a cat purred on the mat"))
                .extracting(Document::id).containsExactlyInAnyOrder("stocks", "rates");
    }

    @Test
    void scoreThresholdDropsWeakMatches() {
        InMemoryVectorStore store = petsAndMarkets();
        String query = "kitten purred on the warm mat";
        double second = store.similaritySearchWithScore(query, 2, null).get(1).score();
        List<Document> docs = VectorStoreRetriever.scoreThreshold(store, 5, second + 1e-6).retrieve(query);
        assertThat(docs).extracting(Document::id).containsExactly("kitten");
        assertThat(VectorStoreRetriever.scoreThreshold(store, 5, -1).retrieve(query)).hasSize(5);
    }

    @Test
    void mmrRetrieverPrefersADifferentDocumentOverANearDuplicate() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addDocuments(List.of(
                new Document("a", "the cat purred on the mat", Map.of()),
                new Document("b", "the cat purred on the mat!", Map.of()),
                new Document("c", "a cat chased the dog", Map.of())));
        String query = "the cat purred";
        assertThat(VectorStoreRetriever.similarity(store, 2).retrieve(query)).extracting(Document::id)
                .containsExactlyInAnyOrder("a", "b");
        assertThat(VectorStoreRetriever.mmr(store, 2, 3, 0.5).retrieve(query)).extracting(Document::id)
                .contains("c");
    }

    @Test
    void multiQueryAsksTheModelWithAVisiblePromptAndUnionsResults() {
        FakeChatModel chat = FakeChatModel.of("  kitten purred on a mat\n\nstock markets fell\n");
        RunRecorder recorder = new RunRecorder();
        MultiQueryRetriever retriever = MultiQueryRetriever.of(VectorStoreRetriever.similarity(petsAndMarkets(), 1), chat);

        List<Document> docs = retriever.invoke("my cat", RunConfig.builder().callbacks(recorder).build());

        assertThat(docs).extracting(Document::id).containsExactly("kitten", "stocks");
        String sent = ((UserMessage) chat.requests().get(0).messages().get(0)).text();
        assertThat(sent).isEqualTo(MultiQueryRetriever.DEFAULT_PROMPT.format(Map.of("question", "my cat")))
                .startsWith("Write 3 alternative versions").endsWith("Question: my cat");
        var root = recorder.first("retriever");
        assertThat(recorder.first("chat_model").parentRunId()).contains(root.runId());
        assertThat(recorder.started).filteredOn(r -> r.parentRunId().equals(Optional.of(root.runId())))
                .extracting(r -> r.name())
                .containsExactly("PromptTemplate", "FakeChatModel", "VectorStoreRetriever", "VectorStoreRetriever");
    }

    @Test
    void multiQueryPromptIsOverridableAndCanIncludeTheOriginal() {
        FakeChatModel chat = FakeChatModel.of("central bank rates");
        MultiQueryRetriever retriever = MultiQueryRetriever.builder(VectorStoreRetriever.similarity(petsAndMarkets(), 1), chat)
                .prompt(PromptTemplate.fromTemplate("Reformule: {question}"))
                .includeOriginal(true)
                .build();
        assertThat(retriever.queries("dog barked", RunConfig.defaults())).containsExactly("central bank rates", "dog barked");
        assertThat(((UserMessage) chat.requests().get(0).messages().get(0)).text()).isEqualTo("Reformule: dog barked");
        assertThat(retriever.retrieve("dog barked")).extracting(Document::id).containsExactly("rates", "dog");
    }

    @Test
    void promptsWithWrongVariablesAreRejectedWhenConfigured() {
        FakeChatModel chat = FakeChatModel.of("unused");
        var builder = MultiQueryRetriever.builder(VectorStoreRetriever.similarity(petsAndMarkets(), 1), chat);
        assertThatThrownBy(() -> builder.prompt(PromptTemplate.fromTemplate("Rephrase {query} in {language}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[language, query]");
        // A fixed extra variable is fine once it is a partial.
        builder.prompt(PromptTemplate.fromTemplate("Rephrase in {language}: {question}").partial("language", "French"));

        assertThatThrownBy(() -> LlmExtractor.of(chat, PromptTemplate.fromTemplate("Answer {question}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{context}");
        assertThatThrownBy(() -> LlmExtractor.of(chat, PromptTemplate.fromTemplate("{context} {extra}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[context, extra]");
    }

    @Test
    void llmExtractorUsesAnOverridingPromptWithoutTheQuestion() {
        FakeChatModel chat = FakeChatModel.of("Bonds rose.");
        LlmExtractor extractor = LlmExtractor.of(chat, PromptTemplate.fromTemplate("Keep the finance part of: {context}"));
        List<Document> docs = extractor.compress(List.of(Document.of("The cat slept. Bonds rose.")), "ignored", RunConfig.defaults());
        assertThat(docs).extracting(Document::text).containsExactly("Bonds rose.");
        assertThat(((UserMessage) chat.requests().get(0).messages().get(0)).text())
                .isEqualTo("Keep the finance part of: The cat slept. Bonds rose.");
    }

    @Test
    void embeddingsFilterKeepsOnlyDocumentsSimilarEnoughMostSimilarFirst() {
        List<Document> docs = List.of(Document.of("stock markets fell"), Document.of("the cat purred"),
                Document.of("the cat purred on the mat"));
        String query = "the cat purred on the mat";
        EmbeddingsFilter filter = EmbeddingsFilter.withThreshold(model, 0.5);
        assertThat(filter.compress(docs, query, RunConfig.defaults()))
                .containsExactly(docs.get(2), docs.get(1));
        assertThat(EmbeddingsFilter.topK(model, 1).compress(docs, query, RunConfig.defaults())).containsExactly(docs.get(2));
    }

    @Test
    void llmExtractorKeepsExtractsAndDropsNoOutputAndTracesEachCall() {
        FakeChatModel chat = FakeChatModel.of("The cat sat on the mat", "NO_OUTPUT", "  ");
        RunRecorder recorder = new RunRecorder();
        List<Document> base = List.of(new Document("1", "The cat sat on the mat. It was warm.", Map.of("p", 1)),
                Document.of("Stocks fell."), Document.of("Bonds rose."));
        ContextualCompressionRetriever retriever = new ContextualCompressionRetriever(
                dev.catena.core.components.Component.of(q -> base), LlmExtractor.of(chat));

        List<Document> docs = retriever.invoke("where is the {context} cat?", RunConfig.builder().callbacks(recorder).build());

        assertThat(docs).containsExactly(new Document("1", "The cat sat on the mat", Map.of("p", 1)));
        String first = ((UserMessage) chat.requests().get(0).messages().get(0)).text();
        assertThat(first).contains("Question: where is the {context} cat?").contains("The cat sat on the mat. It was warm.")
                .contains(LlmExtractor.NO_OUTPUT);
        assertThat(recorder.started).filteredOn(r -> r.kind().equals("chat_model")).hasSize(3)
                .allMatch(r -> r.parentRunId().equals(Optional.of(recorder.first("retriever").runId())));
        assertThat(recorder.started).filteredOn(r -> r.kind().equals("prompt")).hasSize(3)
                .allMatch(r -> r.parentRunId().equals(Optional.of(recorder.first("retriever").runId())));
    }

    @Test
    void parentDocumentRetrieverSearchesChunksAndReturnsParents() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        // A child splitter that cuts after each full stop; no two sentences fit in 20 characters.
        TextSplitter sentences = CharacterTextSplitter.builder().separatorRegex("(?<=\\.) ").chunkSize(20).chunkOverlap(0).build();
        ParentDocumentRetriever retriever = ParentDocumentRetriever.of(store, sentences, 3);
        Document manual = new Document("manual", "Unplug the router. Wait ten seconds. Plug it back in.", Map.of("kind", "howto"));
        Document recipe = Document.of("Whisk two eggs. Add flour and milk. Fry in butter.");
        List<String> ids = retriever.addDocuments(List.of(manual, recipe));

        assertThat(store.size()).isEqualTo(6);
        assertThat(store.similaritySearch("Wait ten seconds.", 1).get(0).metadata())
                .containsEntry(ParentDocumentRetriever.ID_KEY, "manual").containsEntry("kind", "howto");
        assertThat(retriever.retrieve("wait ten seconds")).first().isEqualTo(manual);
        assertThat(retriever.retrieve("whisk the eggs and add flour")).first().extracting(Document::id).isEqualTo(ids.get(1));
        assertThat(retriever.parent(ids.get(1))).get().extracting(Document::text).isEqualTo(recipe.text());
    }
}
