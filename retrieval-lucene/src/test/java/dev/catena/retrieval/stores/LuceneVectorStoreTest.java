package dev.catena.retrieval.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.lucene.LuceneVectorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTest {

    private final HashingEmbeddingModel model = new HashingEmbeddingModel(128);

    @TempDir
    Path dir;

    @Test
    void reopenedAfterCloseFindsEverythingWithTheSameScores() {
        List<ScoredDocument> before;
        try (LuceneVectorStore store = LuceneVectorStore.builder(dir, model).distance(Distance.EUCLIDEAN).build()) {
            store.addDocuments(List.of(
                    new Document("cat", "The cat sat on the mat and purred", Map.of("kind", "pet", "legs", 4)),
                    new Document("market", "Stock markets fell sharply on Monday", Map.of("kind", "news")),
                    new Document("kitten", "A kitten purred on the warm mat", Map.of("kind", "pet", "legs", 4))));
            store.delete(List.of("market"));
            before = store.similaritySearchWithScore("cat purred on the mat", 2, null);
        }
        try (LuceneVectorStore reopened = LuceneVectorStore.open(dir, model)) {
            assertThat(reopened.distance()).isEqualTo(Distance.EUCLIDEAN);
            assertThat(reopened.size()).isEqualTo(2);
            List<ScoredDocument> after = reopened.similaritySearchWithScore("cat purred on the mat", 2, null);
            assertThat(after).isEqualTo(before);
            assertThat(after.get(0).document()).isEqualTo(
                    new Document("cat", "The cat sat on the mat and purred", Map.of("kind", "pet", "legs", 4)));
        }
    }

    @Test
    void aFailedAddLeavesNothingBehindForTheNextCommit() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, model)) {
            store.addEmbeddings(List.of(new Document("a", "apples", Map.of())),
                    List.of(new Embedding(new float[] {1, 0, 0, 0})));
            // The second vector has the wrong dimension: the whole add fails, replacing nothing.
            assertThatThrownBy(() -> store.addEmbeddings(
                    List.of(new Document("a", "avocados", Map.of()), new Document("b", "bananas", Map.of())),
                    List.of(new Embedding(new float[] {0, 1, 0, 0}), new Embedding(new float[] {1, 0, 0}))))
                    .isInstanceOf(IllegalArgumentException.class);
            store.addEmbeddings(List.of(new Document("c", "cherries", Map.of())),
                    List.of(new Embedding(new float[] {0, 0, 1, 0})));
            assertThat(store.size()).isEqualTo(2);
            assertThat(store.searchByVector(new float[] {1, 0, 0, 0}, 3, null))
                    .extracting(s -> s.document().text()).containsExactlyInAnyOrder("apples", "cherries");
        }
        try (LuceneVectorStore reopened = LuceneVectorStore.open(dir, model)) {
            assertThat(reopened.size()).isEqualTo(2);
        }
    }

    @Test
    void storesAndFindsOpenAiSizedVectorsAndReopensThem() {
        // text-embedding-3-small and ada-002 give 1536 dimensions, beyond Lucene's default limit of 1024.
        Random random = new Random(7);
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            float[] v = new float[1536];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            docs.add(new Document("d" + i, "document " + i, Map.of()));
            vectors.add(new Embedding(v));
        }
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, model)) {
            store.addEmbeddings(docs, vectors);
            assertThat(store.searchByVector(vectors.get(5).vector(), 1, null).get(0).document().id()).isEqualTo("d5");
        }
        try (LuceneVectorStore reopened = LuceneVectorStore.open(dir, model)) {
            assertThat(reopened.size()).isEqualTo(20);
            assertThat(reopened.searchByVector(vectors.get(12).vector(), 1, null).get(0).document().id()).isEqualTo("d12");
        }
    }

    @Test
    void refusesToReopenWithAnotherDistance() {
        LuceneVectorStore.builder(dir, model).distance(Distance.DOT_PRODUCT).build().close();
        assertThatThrownBy(() -> LuceneVectorStore.builder(dir, model).distance(Distance.COSINE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built with DOT_PRODUCT distance");
    }

    @Test
    void addingAnExistingIdReplacesItAndDeleteCountsWhatWasThere() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, model)) {
            store.addDocuments(List.of(new Document("a", "apples", Map.of()), new Document("b", "bananas", Map.of())));
            store.addDocuments(List.of(new Document("a", "avocados", Map.of())));
            assertThat(store.size()).isEqualTo(2);
            assertThat(store.similaritySearch("avocados", 1)).extracting(Document::text).containsExactly("avocados");
            assertThat(store.delete(List.of("a", "zzz"))).isEqualTo(1);
            assertThat(store.size()).isEqualTo(1);
        }
    }

    @Test
    void refusesGraphSettingsLuceneCannotBuildWhenTheyAreSet() {
        LuceneVectorStore.Builder builder = LuceneVectorStore.builder(dir, model);
        assertThatThrownBy(() -> builder.maxConnections(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxConnections must be between 1 and 512, was 0");
        assertThatThrownBy(() -> builder.maxConnections(513)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 513");
        assertThatThrownBy(() -> builder.beamWidth(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beamWidth must be between 1 and 3200, was 0");
        assertThatThrownBy(() -> builder.beamWidth(3201)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 3201");
        assertThatThrownBy(() -> builder.ramBufferMb(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ramBufferMb must be a positive number of megabytes, was 0.0");
        assertThatThrownBy(() -> builder.ramBufferMb(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was NaN");
        try (LuceneVectorStore store = builder.maxConnections(512).beamWidth(3200).ramBufferMb(64).build()) {
            assertThat(store.size()).isZero();
        }
    }

    @Test
    void rejectsQueriesOfAnotherDimension() {
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, model)) {
            store.addDocuments(List.of(Document.of("x")));
            assertThatThrownBy(() -> store.searchByVector(new float[3], 1, null)).hasMessageContaining("128-dimension");
        }
    }

    @Test
    void givesTheSameResultsScoresAndFilteredResultsAsTheExactInMemoryStore() {
        Random random = new Random(5);
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        String[] kinds = {"news", "blog", "paper"};
        for (int i = 0; i < 400; i++) {
            docs.add(new Document("d" + i, "doc " + i, Map.of("kind", kinds[i % 3], "year", 2000 + i % 25,
                    "tags", List.of("t" + i % 7, "t" + i % 5), "open", i % 2 == 0)));
            vectors.add(new Embedding(InMemoryVectorStoreTest.randomVector(random, 16)));
        }
        List<Filter> filters = List.of(
                Filter.eq("kind", "news"),
                Filter.eq("open", true),
                Filter.eq("year", 2010L),
                Filter.in("tags", "t3", "t4"),
                Filter.range("year", 2005, 2007.5),
                Filter.range("kind", "c", "p"),
                Filter.and(Filter.eq("kind", "blog"), Filter.not(Filter.range("year", null, 2020))),
                Filter.or(Filter.eq("kind", "paper"), Filter.eq("year", "2010")),
                Filter.not(Filter.eq("missing", "x")));
        for (Distance distance : Distance.values()) {
            InMemoryVectorStore exact = InMemoryVectorStore.create(model, distance, 1);
            exact.addEmbeddings(docs, vectors);
            try (LuceneVectorStore lucene = LuceneVectorStore.builder(dir.resolve(distance.name()), model)
                    .distance(distance).build()) {
                lucene.addEmbeddings(docs, vectors);
                for (int q = 0; q < 5; q++) {
                    float[] query = InMemoryVectorStoreTest.randomVector(random, 16);
                    // 400 vectors and 100 candidates: the graph search is as good as exact here.
                    assertSameHits(lucene.searchByVector(query, 5, null), exact.searchByVector(query, 5, null));
                    for (Filter filter : filters) {
                        assertSameHits(lucene.searchByVector(query, 8, filter), exact.searchByVector(query, 8, filter));
                    }
                }
            }
        }
    }

    @Test
    void exactSearchReturnsTheTrueNeighboursWhereTheGraphMissesSome() {
        // Vectors with no cluster structure and few graph candidates: the HNSW walk misses some
        // true neighbours, the exact mode misses none, with filters and deletions applied.
        Random random = new Random(11);
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            docs.add(new Document("d" + i, "doc " + i, Map.of("even", i % 2 == 0)));
            vectors.add(new Embedding(InMemoryVectorStoreTest.randomVector(random, 64)));
        }
        InMemoryVectorStore truth = InMemoryVectorStore.create(model, Distance.COSINE, 1);
        truth.addEmbeddings(docs, vectors);
        truth.delete(List.of("d0", "d1", "d2"));
        try (LuceneVectorStore graph = LuceneVectorStore.builder(dir.resolve("graph"), model)
                .maxConnections(4).beamWidth(10).searchCandidates(10).build();
                LuceneVectorStore exact = LuceneVectorStore.builder(dir.resolve("exact"), model)
                        .maxConnections(4).beamWidth(10).searchCandidates(10).exactSearch(true).build()) {
            for (LuceneVectorStore store : List.of(graph, exact)) {
                store.addEmbeddings(docs, vectors);
                store.delete(List.of("d0", "d1", "d2"));
            }
            int graphMissed = 0;
            for (int q = 0; q < 20; q++) {
                float[] query = InMemoryVectorStoreTest.randomVector(random, 64);
                List<String> expected = truth.searchByVector(query, 10, null).stream().map(h -> h.document().id()).toList();
                graphMissed += 10 - (int) graph.searchByVector(query, 10, null).stream()
                        .filter(h -> expected.contains(h.document().id())).count();
                assertSameHits(exact.searchByVector(query, 10, null), truth.searchByVector(query, 10, null));
                assertSameHits(graph.exactSearchByVector(query, 10, null), truth.searchByVector(query, 10, null));
                Filter even = Filter.eq("even", true);
                assertSameHits(exact.searchByVector(query, 7, even), truth.searchByVector(query, 7, even));
            }
            assertThat(graphMissed).isPositive();
        }
    }

    @Test
    void graphSearchOverClusteredVectorsFindsAtLeast95PercentOfTheTrueTop10WithDefaultSettings() {
        // A Gaussian mixture (40 centres, spread 0.3 around each) in 16 latent dimensions mapped
        // to 128 by a random matrix, plus a little noise: embeddings-like, low intrinsic dimension.
        Random random = new Random(3);
        float[][] projection = new float[128][16];
        for (float[] row : projection) {
            for (int j = 0; j < 16; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        float[][] centres = new float[40][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = InMemoryVectorStoreTest.randomVector(random, 16);
        }
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            docs.add(new Document("d" + i, "doc " + i, Map.of()));
            vectors.add(new Embedding(mixtureSample(random, projection, centres)));
        }
        InMemoryVectorStore truth = InMemoryVectorStore.create(model, Distance.COSINE, 1);
        truth.addEmbeddings(docs, vectors);
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, model)) {
            store.addEmbeddings(docs.subList(0, 3000), vectors.subList(0, 3000));
            store.addEmbeddings(docs.subList(3000, 6000), vectors.subList(3000, 6000));
            store.compact();
            int found = 0;
            for (int q = 0; q < 100; q++) {
                float[] query = mixtureSample(random, projection, centres);
                List<String> expected = truth.searchByVector(query, 10, null).stream().map(h -> h.document().id()).toList();
                found += (int) store.searchByVector(query, 10, null).stream()
                        .filter(h -> expected.contains(h.document().id())).count();
            }
            assertThat(found / 1000.0).isGreaterThanOrEqualTo(0.95);
        }
    }

    private static float[] mixtureSample(Random random, float[][] projection, float[][] centres) {
        float[] centre = centres[random.nextInt(centres.length)];
        float[] v = new float[projection.length];
        for (int d = 0; d < v.length; d++) {
            double sum = 0;
            for (int j = 0; j < centre.length; j++) {
                sum += projection[d][j] * (centre[j] + 0.3 * random.nextGaussian());
            }
            v[d] = (float) (sum + 0.1 * random.nextGaussian());
        }
        return v;
    }

    @Test
    void aZeroVectorUnderCosineScoresZeroAsInMemory() {
        List<Document> docs = List.of(new Document("zero", "nothing", Map.of()), new Document("x", "x axis", Map.of()));
        List<Embedding> vectors = List.of(new Embedding(new float[4]), new Embedding(new float[] {2, 0, 0, 0}));
        InMemoryVectorStore truth = InMemoryVectorStore.create(model, Distance.COSINE, 1);
        truth.addEmbeddings(docs, vectors);
        try (LuceneVectorStore store = LuceneVectorStore.open(dir, model)) {
            store.addEmbeddings(docs, vectors);
            float[] query = {-1, 0.5f, 0, 0};
            assertSameHits(store.searchByVector(query, 2, null), truth.searchByVector(query, 2, null));
            assertSameHits(store.exactSearchByVector(query, 2, null), truth.searchByVector(query, 2, null));
        }
    }

    private static void assertSameHits(List<ScoredDocument> actual, List<ScoredDocument> expected) {
        assertThat(actual).extracting(h -> h.document().id())
                .containsExactlyElementsOf(expected.stream().map(h -> h.document().id()).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-4));
            assertThat(actual.get(i).document()).isEqualTo(expected.get(i).document());
        }
    }
}
