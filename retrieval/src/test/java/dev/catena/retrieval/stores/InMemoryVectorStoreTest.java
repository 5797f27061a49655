package dev.catena.retrieval.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryVectorStoreTest {

    private final HashingEmbeddingModel model = new HashingEmbeddingModel(256);

    @Test
    void findsTheMostSimilarDocumentsFirstWithCosineScores() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addDocuments(List.of(
                Document.of("The cat sat on the mat and purred"),
                Document.of("Stock markets fell sharply on Monday"),
                Document.of("A kitten purred on the warm mat"),
                Document.of("The central bank raised interest rates")));

        List<ScoredDocument> hits = store.similaritySearchWithScore("cat purred on the mat", 2, null);

        assertThat(hits).extracting(h -> h.document().text())
                .containsExactly("The cat sat on the mat and purred", "A kitten purred on the warm mat");
        float[] query = model.embed("cat purred on the mat").vector();
        for (ScoredDocument hit : hits) {
            assertThat(hit.score()).isCloseTo(Distance.cosine(query, hit.embedding().vector()), within(1e-5));
        }
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }

    @Test
    void scoresMatchCoreDistanceForEveryMetricAndMatchABruteForceRanking() {
        Random random = new Random(7);
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add(new Document("d" + i, "doc " + i, Map.of()));
            vectors.add(new Embedding(randomVector(random, 37)));
        }
        float[] query = randomVector(random, 37);
        for (Distance distance : Distance.values()) {
            InMemoryVectorStore store = InMemoryVectorStore.create(model, distance, 1);
            store.addEmbeddings(docs, vectors);
            List<ScoredDocument> hits = store.searchByVector(query, 5, null);
            List<String> expected = IntStream.range(0, docs.size()).boxed()
                    .sorted(Comparator.comparingDouble(i -> -distance.score(query, vectors.get(i).vector())))
                    .limit(5).map(i -> "d" + i).toList();
            assertThat(hits).extracting(h -> h.document().id()).as(distance.name()).containsExactlyElementsOf(expected);
            for (ScoredDocument hit : hits) {
                assertThat(hit.score()).isCloseTo(distance.score(query, hit.embedding().vector()), within(1e-4));
            }
        }
    }

    @Test
    void parallelScanGivesTheSameResultsAsASingleThread() {
        Random random = new Random(11);
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            docs.add(new Document("d" + i, "doc", Map.of("even", i % 2 == 0)));
            vectors.add(new Embedding(randomVector(random, 64)));
        }
        InMemoryVectorStore single = InMemoryVectorStore.create(model, Distance.DOT_PRODUCT, 1);
        InMemoryVectorStore parallel = InMemoryVectorStore.create(model, Distance.DOT_PRODUCT, 4);
        single.addEmbeddings(docs, vectors);
        parallel.addEmbeddings(docs, vectors);
        float[] query = randomVector(random, 64);

        assertThat(ids(parallel.searchByVector(query, 10, null))).isEqualTo(ids(single.searchByVector(query, 10, null)));
        Filter even = Filter.eq("even", true);
        List<String> filtered = ids(parallel.searchByVector(query, 10, even));
        assertThat(filtered).isEqualTo(ids(single.searchByVector(query, 10, even))).hasSize(10)
                .allMatch(id -> Integer.parseInt(id.substring(1)) % 2 == 0);
    }

    @Test
    void aLargeBatchCopiedOnSeveralThreadsStoresWhatOneByOneAddsStoreAndKeepsAnIdsLastVector() {
        Random random = new Random(5);
        int n = 6_000; // 6,000 x 256 floats: above the size from which a batch is copied on several threads
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // from 100 on, every 100th document repeats an id used 50 positions earlier, with its own
            // vector; 1,520 repeats 1,470 across the boundary of the first two threads' shares
            String id = i >= 100 && i % 100 == 20 ? "d" + (i - 50) : "d" + i;
            docs.add(new Document(id, "doc " + i, Map.of()));
            vectors.add(new Embedding(randomVector(random, 256)));
        }
        for (boolean quantised : new boolean[] {false, true}) {
            InMemoryVectorStore.Builder builder = InMemoryVectorStore.builder(model).distance(Distance.COSINE).parallelism(4);
            InMemoryVectorStore batch = (quantised ? builder.quantisedScan(2) : builder).build();
            InMemoryVectorStore oneByOne = (quantised ? builder.quantisedScan(2) : builder).build();
            batch.addEmbeddings(docs, vectors);
            for (int i = 0; i < n; i++) {
                oneByOne.addEmbeddings(List.of(docs.get(i)), List.of(vectors.get(i)));
            }

            assertThat(batch.size()).isEqualTo(oneByOne.size()).isEqualTo(n - 59);
            for (int i : new int[] {0, 99, 1_520, 1_999, 2_500, n - 1}) {
                float[] query = vectors.get(i).vector();
                List<ScoredDocument> fromBatch = batch.searchByVector(query, 3, null);
                assertThat(fromBatch).extracting(h -> h.document().id())
                        .isEqualTo(ids(oneByOne.searchByVector(query, 3, null)));
                // a repeated id keeps its later document and vector: each vector finds its own document
                assertThat(fromBatch.get(0).document().text()).isEqualTo("doc " + i);
                assertThat(fromBatch.get(0).score()).isCloseTo(1.0, within(1e-5));
            }
            // the earlier vector of a repeated id is gone with its document
            assertThat(batch.get("d1470")).get().extracting(Document::text).isEqualTo("doc 1520");
            assertThat(batch.searchByVector(vectors.get(1_470).vector(), 1, null).get(0).score()).isLessThan(0.5);
        }
    }

    @Test
    void addingAnExistingIdReplacesItAndDeleteRemovesById() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        List<String> ids = store.addDocuments(List.of(
                new Document("a", "apples are red", Map.of()),
                new Document("b", "bananas are yellow", Map.of()),
                Document.of("cherries are dark red")));
        assertThat(ids).hasSize(3).startsWith("a", "b");
        assertThat(ids.get(2)).isNotBlank();
        assertThat(store.get(ids.get(2))).get().extracting(Document::id).isEqualTo(ids.get(2));

        store.addDocuments(List.of(new Document("a", "avocados are green", Map.of())));
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.get("a")).get().extracting(Document::text).isEqualTo("avocados are green");

        assertThat(store.delete(List.of("a", "nope"))).isEqualTo(1);
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.get("a")).isEmpty();
        // The document moved into the hole is still found under its own id and vector.
        assertThat(store.similaritySearch("cherries are dark red", 1).get(0).id()).isEqualTo(ids.get(2));
        assertThat(store.similaritySearch("bananas are yellow", 1).get(0).id()).isEqualTo("b");
    }

    @Test
    void rejectsVectorsOfAnotherDimensionWithAClearMessage() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addEmbeddings(List.of(Document.of("x")), List.of(new Embedding(new float[] {1, 0, 0})));
        assertThatThrownBy(() -> store.searchByVector(new float[] {1, 0}, 1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 dimensions").hasMessageContaining("3-dimension");
        assertThatThrownBy(() -> store.addEmbeddings(List.of(Document.of("x")), List.of()))
                .hasMessageContaining("1 documents but 0 embeddings");
    }

    @Test
    void anAddWithOneBadVectorAddsNothing() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addEmbeddings(List.of(new Document("a", "apples", Map.of())), List.of(new Embedding(new float[] {1, 0, 0})));
        assertThatThrownBy(() -> store.addEmbeddings(
                List.of(new Document("a", "avocados", Map.of()), new Document("b", "bananas", Map.of())),
                List.of(new Embedding(new float[] {0, 1, 0}), new Embedding(new float[] {1, 0}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 dimensions");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.get("a")).map(Document::text).contains("apples");
    }

    @Test
    void mmrPicksADiverseSecondResultWherePlainSimilarityPicksANearDuplicate() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model, Distance.COSINE, 1);
        // Two near-duplicates along x, one different but still relevant document.
        store.addEmbeddings(List.of(new Document("dup1", "x", Map.of()), new Document("dup2", "x'", Map.of()),
                        new Document("other", "y", Map.of())),
                List.of(new Embedding(new float[] {1f, 0.01f, 0}), new Embedding(new float[] {1f, 0.02f, 0}),
                        new Embedding(new float[] {0.6f, 0.8f, 0})));
        float[] query = {1f, 0.3f, 0};

        assertThat(store.searchByVector(query, 2, null)).extracting(h -> h.document().id()).containsExactly("dup2", "dup1");
        assertThat(store.maxMarginalRelevanceSearchByVector(query, 2, 3, 0.5, null)).extracting(Document::id)
                .containsExactly("dup2", "other");
        assertThat(store.maxMarginalRelevanceSearchByVector(query, 2, 3, 1.0, null)).extracting(Document::id)
                .containsExactly("dup2", "dup1");
        assertThatThrownBy(() -> store.maxMarginalRelevanceSearchByVector(query, 3, 2, 0.5, null))
                .hasMessageContaining("fetchK (2) must be at least k (3)");
    }

    @Test
    void emptyStoreAndZeroKReturnNothing() {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        assertThat(store.similaritySearch("anything", 3)).isEmpty();
        store.addDocuments(List.of(Document.of("one")));
        assertThat(store.searchByVector(model.embed("one").vector(), 0, null)).isEmpty();
        assertThat(store.similaritySearch("one", 10)).hasSize(1);
    }

    static float[] randomVector(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    private static List<String> ids(List<ScoredDocument> hits) {
        return hits.stream().map(h -> h.document().id()).toList();
    }

    @Test
    void aLoadedStoreReturnsTheSameCosineScoresToTheLastBit(@TempDir Path dir) {
        Random random = new Random(31);
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            docs.add(new Document("d" + i, "doc", Map.of()));
            vectors.add(new Embedding(randomVector(random, 384)));
        }
        InMemoryVectorStore store = InMemoryVectorStore.create(model, Distance.COSINE, 1);
        store.addEmbeddings(docs, vectors);
        store.save(dir);
        InMemoryVectorStore loaded = InMemoryVectorStore.load(dir, model);
        for (int q = 0; q < 20; q++) {
            float[] query = randomVector(random, 384);
            List<ScoredDocument> before = store.searchByVector(query, 50, null);
            List<ScoredDocument> after = loaded.searchByVector(query, 50, null);
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i).document().id()).isEqualTo(before.get(i).document().id());
                assertThat(after.get(i).score()).isEqualTo(before.get(i).score());
            }
        }
    }
}
