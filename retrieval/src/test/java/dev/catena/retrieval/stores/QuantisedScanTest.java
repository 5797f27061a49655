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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantisedScanTest {

    private static final int DIMENSION = 384;
    private final HashingEmbeddingModel model = new HashingEmbeddingModel(DIMENSION);

    @Test
    void recallAt10IsAtLeast099OnUniformAndClusteredUnitVectorsWithExactScores() {
        Random random = new Random(18);
        List<float[]> uniform = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            uniform.add(unit(InMemoryVectorStoreTest.randomVector(random, DIMENSION)));
        }
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            centres.add(unit(InMemoryVectorStoreTest.randomVector(random, DIMENSION)));
        }
        List<float[]> clustered = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            clustered.add(aroundCentre(random, centres.get(random.nextInt(centres.size()))));
        }
        List<float[]> uniformQueries = new ArrayList<>();
        List<float[]> clusteredQueries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            uniformQueries.add(unit(InMemoryVectorStoreTest.randomVector(random, DIMENSION)));
            clusteredQueries.add(aroundCentre(random, centres.get(random.nextInt(centres.size()))));
        }

        assertThat(recallAt10(uniform, uniformQueries, 4)).isGreaterThanOrEqualTo(0.99);
        assertThat(recallAt10(clustered, clusteredQueries, 4)).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void everyDistanceFindsTheExactNeighboursOfNonUnitVectorsWithExactScores() {
        Random random = new Random(5);
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            docs.add(new Document("d" + i, "doc", Map.of()));
            float[] v = InMemoryVectorStoreTest.randomVector(random, 37); // not a multiple of 4
            float length = 0.5f + 3 * random.nextFloat();
            for (int d = 0; d < v.length; d++) {
                v[d] *= length;
            }
            vectors.add(new Embedding(v));
        }
        for (Distance distance : Distance.values()) {
            InMemoryVectorStore exact = InMemoryVectorStore.create(model, distance, 1);
            InMemoryVectorStore quantised = InMemoryVectorStore.builder(model).distance(distance).parallelism(1)
                    .quantisedScan(4).build();
            exact.addEmbeddings(docs, vectors);
            quantised.addEmbeddings(docs, vectors);
            int found = 0;
            for (int q = 0; q < 50; q++) {
                float[] query = InMemoryVectorStoreTest.randomVector(random, 37);
                List<ScoredDocument> truth = exact.searchByVector(query, 10, null);
                List<ScoredDocument> hits = quantised.searchByVector(query, 10, null);
                found += overlap(truth, hits);
                for (ScoredDocument hit : hits) {
                    assertThat(hit.score()).as(distance.name())
                            .isCloseTo(distance.score(query, hit.embedding().vector()), within(1e-4));
                }
            }
            assertThat(found / 500.0).as(distance.name()).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void addsReplacementsAndDeletesKeepTheInt8CopyInStep() {
        Random random = new Random(9);
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            docs.add(new Document("d" + i, "doc", Map.of()));
            vectors.add(new Embedding(InMemoryVectorStoreTest.randomVector(random, 48)));
        }
        // oversample 1: the results are the int8 ranking itself, so stale codes show.
        InMemoryVectorStore store = InMemoryVectorStore.builder(model).parallelism(1).quantisedScan(1).build();
        store.addEmbeddings(docs, vectors);
        float[] query = InMemoryVectorStoreTest.randomVector(random, 48);

        // Replace d5's vector with the query: it must now rank first.
        store.addEmbeddings(List.of(docs.get(5)), List.of(new Embedding(query.clone())));
        assertThat(store.searchByVector(query, 1, null).get(0).document().id()).isEqualTo("d5");

        // Delete a few, so the last vectors move into the holes; the moved ones must still be found.
        List<String> deleted = List.of("d5", "d0", "d1000", "d1999");
        store.delete(deleted);
        for (int i : new int[] {1998, 1997, 1996}) {
            assertThat(store.searchByVector(vectors.get(i).vector(), 1, null).get(0).document().id()).isEqualTo("d" + i);
        }

        InMemoryVectorStore fresh = InMemoryVectorStore.builder(model).parallelism(1).quantisedScan(1).build();
        List<Document> kept = new ArrayList<>();
        List<Embedding> keptVectors = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (!deleted.contains(docs.get(i).id())) {
                kept.add(docs.get(i));
                keptVectors.add(vectors.get(i));
            }
        }
        fresh.addEmbeddings(kept, keptVectors);
        for (int q = 0; q < 20; q++) {
            float[] other = InMemoryVectorStoreTest.randomVector(random, 48);
            assertThat(ids(store.searchByVector(other, 10, null))).isEqualTo(ids(fresh.searchByVector(other, 10, null)));
        }
    }

    @Test
    void aLoadedStoreRebuildsItsInt8CopyAndTheFileKeepsItsDistance(@TempDir Path dir) {
        Random random = new Random(21);
        InMemoryVectorStore store = InMemoryVectorStore.builder(model).distance(Distance.DOT_PRODUCT).parallelism(1)
                .quantisedScan(1).build();
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            docs.add(new Document("d" + i, "doc " + i, Map.of("i", i)));
            vectors.add(new Embedding(InMemoryVectorStoreTest.randomVector(random, 40)));
        }
        store.addEmbeddings(docs, vectors);
        store.save(dir);

        InMemoryVectorStore loaded = InMemoryVectorStore.builder(model).parallelism(1).quantisedScan(1).load(dir);
        assertThat(loaded.distance()).isEqualTo(Distance.DOT_PRODUCT);
        for (int q = 0; q < 20; q++) {
            float[] query = InMemoryVectorStoreTest.randomVector(random, 40);
            assertThat(ids(loaded.searchByVector(query, 10, null))).isEqualTo(ids(store.searchByVector(query, 10, null)));
        }
        // A vector added after loading is quantised too.
        float[] query = InMemoryVectorStoreTest.randomVector(random, 40);
        float[] scaled = query.clone();
        for (int d = 0; d < scaled.length; d++) {
            scaled[d] *= 100; // a large dot product with the query
        }
        loaded.addEmbeddings(List.of(new Document("new", "new", Map.of())), List.of(new Embedding(scaled)));
        assertThat(loaded.searchByVector(query, 1, null).get(0).document().id()).isEqualTo("new");

        assertThatThrownBy(() -> InMemoryVectorStore.builder(model).distance(Distance.COSINE).load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("compares by DOT_PRODUCT but the builder was given COSINE");
    }

    @Test
    void filtersApplyDuringTheQuantisedScan() {
        Random random = new Random(2);
        List<Document> docs = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            docs.add(new Document("d" + i, "doc", Map.of("even", i % 2 == 0)));
            vectors.add(new Embedding(InMemoryVectorStoreTest.randomVector(random, 64)));
        }
        InMemoryVectorStore store = InMemoryVectorStore.builder(model).parallelism(2).quantisedScan(4).build();
        store.addEmbeddings(docs, vectors);
        List<ScoredDocument> hits = store.searchByVector(InMemoryVectorStoreTest.randomVector(random, 64), 10,
                Filter.eq("even", true));
        assertThat(hits).hasSize(10).allMatch(h -> Integer.parseInt(h.document().id().substring(1)) % 2 == 0);
    }

    @Test
    void rejectsAnOversampleBelowOne() {
        assertThatThrownBy(() -> InMemoryVectorStore.builder(model).quantisedScan(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oversample must be at least 1").hasMessageContaining("was 0");
        assertThatThrownBy(() -> InMemoryVectorStore.builder(model).parallelism(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism must be at least 1");
    }

    private double recallAt10(List<float[]> vectors, List<float[]> queries, int oversample) {
        List<Document> docs = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            docs.add(new Document("d" + i, "doc", Map.of()));
            embeddings.add(new Embedding(vectors.get(i)));
        }
        InMemoryVectorStore exact = InMemoryVectorStore.create(model, Distance.COSINE, 2);
        InMemoryVectorStore quantised = InMemoryVectorStore.builder(model).parallelism(2).quantisedScan(oversample).build();
        exact.addEmbeddings(docs, embeddings);
        quantised.addEmbeddings(docs, embeddings);
        int found = 0;
        for (float[] query : queries) {
            List<ScoredDocument> truth = exact.searchByVector(query, 10, null);
            List<ScoredDocument> hits = quantised.searchByVector(query, 10, null);
            found += overlap(truth, hits);
            for (ScoredDocument hit : hits) {
                assertThat(hit.score()).isCloseTo(Distance.cosine(query, hit.embedding().vector()), within(1e-5));
            }
        }
        return found / (10.0 * queries.size());
    }

    private static int overlap(List<ScoredDocument> truth, List<ScoredDocument> hits) {
        Set<String> wanted = new HashSet<>(ids(truth));
        return (int) hits.stream().filter(h -> wanted.contains(h.document().id())).count();
    }

    private static float[] aroundCentre(Random random, float[] centre) {
        float[] v = new float[centre.length];
        float noise = 0.6f / (float) Math.sqrt(centre.length);
        for (int d = 0; d < v.length; d++) {
            v[d] = centre[d] + noise * (float) random.nextGaussian();
        }
        return unit(v);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static List<String> ids(List<ScoredDocument> hits) {
        return hits.stream().map(h -> h.document().id()).toList();
    }
}
