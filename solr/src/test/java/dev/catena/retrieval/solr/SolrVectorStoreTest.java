package dev.catena.retrieval.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.RetryPolicy;
import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.ingestion.IngestionPipeline;
import dev.catena.retrieval.ingestion.IngestionProgress;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.catena.retrieval.stores.Filter;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs the store against a real SolrCloud cluster started in this JVM: two Solr nodes and an
 * embedded ZooKeeper, collections of 2 shards × 2 replicas, shared by every test of the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrVectorStoreTest {

    private static final HashingEmbeddingModel MODEL = new HashingEmbeddingModel(256);
    private static Path home;
    private static MiniSolrCloudCluster cluster;
    private static SolrVectorStore store;

    @BeforeAll
    static void startCluster() throws Exception {
        home = Files.createTempDirectory("catena-solr");
        cluster = new MiniSolrCloudCluster.Builder(2, home).configure();
        store = open("docs", MODEL.embed("probe").vector().length);
    }

    private static SolrVectorStore open(String collection, int dimension) {
        return SolrVectorStore.builder(MODEL)
                .zkHosts(List.of(cluster.getZkServer().getZkAddress()))
                .collection(collection)
                .dimension(dimension)
                .shards(2).replicas(2)
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialDelay(Duration.ofMillis(250)).build())
                .build();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (store != null) {
            store.close();
        }
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    private static final List<Document> CORPUS = List.of(
            new Document("en-cat", "Cats purr when they are content and sleep most of the day.",
                    meta("lang", "en", "year", 2020, "score", 4.5, "public", true, "tags", List.of("pets", "cats"))),
            new Document("en-dog", "Dogs bark at strangers and love long walks in the park.",
                    meta("lang", "en", "year", 2021L, "score", 3.0, "public", false, "tags", List.of("pets"))),
            new Document("en-db", "A vector database stores embeddings and finds the nearest neighbours quickly.",
                    meta("lang", "en", "year", 2023, "score", 5.0, "public", true, "tags", List.of("tech"))),
            new Document("zh-db", "向量数据库存储嵌入向量，并能快速找到最近的邻居。",
                    meta("lang", "zh", "year", 2023, "score", 4.0, "public", true, "tags", List.of("tech"))),
            new Document("zh-cat", "猫在满足的时候会发出呼噜声，一天中大部分时间都在睡觉。",
                    meta("lang", "zh", "year", 2019, "score", 2.5, "public", false)),
            new Document("zh-weather", "今天北京的天气很好，适合去公园散步。",
                    meta("lang", "zh", "year", 2024, "category", "天气", "key with spaces_and_underscores", "x")));

    private static Map<String, Object> meta(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    @Order(1)
    void addsAndFindsDocumentsWithExactScoresAndTypedMetadata() {
        assertThat(store.addDocuments(CORPUS)).containsExactlyElementsOf(CORPUS.stream().map(Document::id).toList());
        assertThat(store.size()).isEqualTo(CORPUS.size());

        List<ScoredDocument> hits = store.similaritySearchWithScore(CORPUS.get(3).text(), 3, null);
        assertThat(hits.get(0).document()).isEqualTo(CORPUS.get(3));
        assertThat(hits.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(hits).extracting(ScoredDocument::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        InMemoryVectorStore exact = InMemoryVectorStore.create(MODEL);
        exact.addDocuments(CORPUS);
        assertThat(hits).extracting(h -> h.document().id())
                .containsExactlyElementsOf(exact.similaritySearchWithScore(CORPUS.get(3).text(), 3, null)
                        .stream().map(h -> h.document().id()).toList());
        // Types survive the round trip: an int stays an Integer, a long a Long.
        Document dog = store.similaritySearch(CORPUS.get(1).text(), 1).get(0);
        assertThat(dog.metadata().get("year")).isEqualTo(2021L);
        assertThat(store.similaritySearch(CORPUS.get(0).text(), 1).get(0).metadata().get("year")).isEqualTo(2020);

        // Re-adding an id replaces the document instead of duplicating it.
        store.addDocuments(List.of(CORPUS.get(0)));
        assertThat(store.size()).isEqualTo(CORPUS.size());
    }

    @Test
    @Order(2)
    void everyKindOfFilterSelectsExactlyWhatFilterTestSelects() {
        List<Filter> filters = List.of(
                Filter.eq("lang", "zh"),
                Filter.eq("year", 2023.0),
                Filter.eq("year", 2021),
                Filter.eq("public", true),
                Filter.eq("tags", "pets"),
                Filter.eq("category", "天气"),
                Filter.eq("key with spaces_and_underscores", "x"),
                Filter.eq("year", "2023"),
                Filter.range("year", 2020, 2023),
                Filter.range("score", 3.5, null),
                Filter.range("score", null, 3.0),
                Filter.range("lang", "a", "f"),
                Filter.in("year", 2019, 2024L),
                Filter.in("lang", List.of()),
                Filter.and(Filter.eq("lang", "en"), Filter.range("year", 2021, null)),
                Filter.or(Filter.eq("lang", "en"), Filter.eq("public", false)),
                Filter.not(Filter.eq("public", true)),
                Filter.not(Filter.or(Filter.eq("tags", "tech"), Filter.range("year", null, 2019))),
                Filter.and(Filter.not(Filter.eq("lang", "en")), Filter.in("tags", "tech", "cats")));
        float[] query = MODEL.embed("猫 cats").vector();
        for (Filter filter : filters) {
            Set<String> expected = CORPUS.stream().filter(d -> filter.test(d.metadata()))
                    .map(Document::id).collect(Collectors.toSet());
            Set<String> found = store.searchByVector(query, CORPUS.size(), filter).stream()
                    .map(h -> h.document().id()).collect(Collectors.toSet());
            assertThat(found).as("filter %s", filter).isEqualTo(expected);
        }
        // The best k among the matching documents, not the matching few among the best k.
        assertThat(store.searchByVector(MODEL.embed(CORPUS.get(0).text()).vector(), 1, Filter.eq("lang", "zh")))
                .extracting(h -> h.document().metadata().get("lang")).containsExactly("zh");
    }

    @Test
    @Order(3)
    void aFilterSolrCannotExpressIsRefusedNotIgnored() {
        float[] query = MODEL.embed("cats").vector();
        assertThatThrownBy(() -> store.searchByVector(query, 3, Filter.eq("score", Double.NaN)))
                .isInstanceOf(UnsupportedFilterException.class).hasMessageContaining("'score'").hasMessageContaining("NaN");
        assertThatThrownBy(() -> store.hybridSearch("cats", 3, Filter.range("year", Double.NEGATIVE_INFINITY, 3)))
                .isInstanceOf(UnsupportedFilterException.class);
        assertThatThrownBy(() -> store.searchByVector(new float[3], 3, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 dimensions");
    }

    @Test
    @Order(4)
    void hybridSearchFusesKeywordAndVectorRankingsInChineseAndEnglish() {
        List<ScoredDocument> zh = store.hybridSearch("向量数据库", 3, null);
        assertThat(zh.get(0).document().id()).isEqualTo("zh-db");
        // 1/61 + 1/61: first in both rankings is the highest a fused score can be.
        assertThat(zh.get(0).score()).isCloseTo(2.0 / 61, org.assertj.core.data.Offset.offset(1e-9));

        List<ScoredDocument> en = store.hybridSearch("dogs bark in the park", 2, Filter.eq("lang", "en"));
        assertThat(en.get(0).document().id()).isEqualTo("en-dog");
        assertThat(en).allSatisfy(h -> assertThat(h.document().metadata()).containsEntry("lang", "en"));

        // A keyword only the Chinese weather text holds is found through the bigram analyser.
        assertThat(store.hybridSearch("北京", 6, null)).extracting(h -> h.document().id()).first().isEqualTo("zh-weather");
        // MMR goes through core's shared code over Solr's candidates.
        assertThat(store.maxMarginalRelevanceSearch("cats", 2, 6, 0.5, null)).hasSize(2);
    }

    @Test
    @Order(5)
    void deletesByIdAndByFilter() {
        assertThat(store.delete(List.of("en-dog", "no-such-id"))).isEqualTo(1);
        assertThat(store.size()).isEqualTo(CORPUS.size() - 1);
        assertThat(store.deleteByFilter(Filter.eq("lang", "zh"))).isEqualTo(3);
        assertThat(store.size()).isEqualTo(CORPUS.size() - 4);
        assertThat(store.similaritySearch("猫", 10)).extracting(Document::id).containsExactlyInAnyOrder("en-cat", "en-db");
    }

    @Test
    @Order(6)
    void refusesAnExistingCollectionOfAnotherDimension() {
        assertThatThrownBy(() -> open("docs", 64))
                .isInstanceOf(CollectionMismatchException.class)
                .hasMessageContaining("'docs' holds 256-dimension vectors")
                .hasMessageContaining("64-dimension");
    }

    @Test
    @Order(7)
    void ingestionPipelineWritesIntoTheStoreInParallelBatches() {
        List<Document> sources = IntStream.range(0, 40)
                .mapToObj(i -> new Document("source-" + i, "Paragraph " + i + " about topic " + (i % 7)
                        + ". 第" + i + "段讲的是主题" + (i % 7) + "。", meta("source", "file-" + i + ".txt")))
                .toList();
        try (SolrVectorStore ingested = open("ingested", 256)) {
            IngestionProgress done = IngestionPipeline.builder(sources::stream,
                            RecursiveCharacterTextSplitter.builder().chunkSize(30).chunkOverlap(0).build(), ingested)
                    .batchSize(8).maxConcurrency(3).build().run();
            assertThat(done.chunksStored()).isGreaterThan(40);
            assertThat(ingested.size()).isEqualTo(done.chunksStored());
            assertThat(ingested.similaritySearch("Paragraph 17 about topic 3", 1).get(0).metadata())
                    .containsEntry("source", "file-17.txt");
        }
    }

    @Test
    @Order(8)
    void recallAtTenOfTheHnswSearchAgainstExactSearchOn10kVectors() {
        int n = 10_000;
        int dim = 64;
        Random random = new Random(42);
        List<Document> docs = new ArrayList<>(n);
        List<Embedding> vectors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            docs.add(new Document("v" + i, "vector " + i, Map.of("i", i)));
            vectors.add(new Embedding(gaussian(random, dim)));
        }
        InMemoryVectorStore exact = InMemoryVectorStore.create(MODEL);
        exact.addEmbeddings(docs, vectors);
        try (SolrVectorStore solr = open("recall", dim)) {
            solr.addEmbeddings(docs, vectors);
            assertThat(solr.size()).isEqualTo(n);
            int queries = 100;
            int found = 0;
            for (int q = 0; q < queries; q++) {
                float[] query = gaussian(random, dim);
                Set<String> truth = exact.searchByVector(query, 10, null).stream()
                        .map(h -> h.document().id()).collect(Collectors.toSet());
                found += (int) solr.searchByVector(query, 10, null).stream()
                        .filter(h -> truth.contains(h.document().id())).count();
            }
            double recall = found / (10.0 * queries);
            System.out.printf("recall@10 of SolrVectorStore against exact search, %d vectors of %d dimensions, %d queries: %.4f%n",
                    n, dim, queries, recall);
            assertThat(recall).isGreaterThanOrEqualTo(0.95);
        }
    }

    private static float[] gaussian(Random random, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    @Test
    @Order(9)
    void aStoppedNodeLosesNothingAcknowledgedAndCatchesUpWhenRestarted() throws Exception {
        int dim = 16;
        Random random = new Random(7);
        try (SolrVectorStore faulty = open("fault", dim)) {
            List<Document> first = new ArrayList<>();
            List<Embedding> firstVectors = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                first.add(new Document("f" + i, "first " + i, Map.of("batch", "first")));
                firstVectors.add(new Embedding(gaussian(random, dim)));
            }
            faulty.addEmbeddings(first, firstVectors);
            Set<String> acknowledged = new HashSet<>(first.stream().map(Document::id).toList());

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger queriesRun = new AtomicInteger();
            List<String> problems = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                Random r = new Random(1);
                while (running.get()) {
                    try {
                        List<ScoredDocument> hits = faulty.searchByVector(gaussian(r, dim), 10, Filter.eq("batch", "first"));
                        int total = faulty.searchByVector(gaussian(r, dim), 1000, Filter.eq("batch", "first")).size();
                        if (hits.size() != 10 || total != 500) {
                            problems.add("incomplete result: " + hits.size() + " hits, " + total + " of 500 documents");
                        }
                        queriesRun.incrementAndGet();
                    } catch (RuntimeException e) {
                        problems.add(e.toString());
                    }
                }
            });
            reader.start();
            Thread.sleep(500);

            JettySolrRunner stopped = cluster.stopJettySolrRunner(1);
            cluster.waitForJettyToStop(stopped);
            int beforeStop = queriesRun.get();
            // Writes while a node is down are acknowledged by the surviving replicas.
            List<Document> second = new ArrayList<>();
            List<Embedding> secondVectors = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                second.add(new Document("s" + i, "second " + i, Map.of("batch", "second")));
                secondVectors.add(new Embedding(gaussian(random, dim)));
            }
            faulty.addEmbeddings(second, secondVectors);
            acknowledged.addAll(second.stream().map(Document::id).toList());
            Thread.sleep(1000);
            int whileDown = queriesRun.get() - beforeStop;

            cluster.startJettySolrRunner(stopped);
            cluster.waitForNode(stopped, 60);
            cluster.waitForActiveCollection("fault", 60, TimeUnit.SECONDS, 2, 4);
            Thread.sleep(300);
            running.set(false);
            reader.join();

            assertThat(problems).isEmpty();
            assertThat(whileDown).as("queries answered while a node was down").isGreaterThan(0);
            Set<String> stored = faulty.searchByVector(gaussian(random, dim), 2000, null).stream()
                    .map(h -> h.document().id()).collect(Collectors.toSet());
            assertThat(stored).isEqualTo(acknowledged);
            // Every replica, the restarted ones included, holds its shard's documents.
            DocCollection state = cluster.getSolrClient().getClusterState().getCollection("fault");
            for (Slice slice : state.getSlices()) {
                Set<Long> counts = new HashSet<>();
                for (Replica replica : slice.getReplicas()) {
                    try (Http2SolrClient core = new Http2SolrClient.Builder(replica.getBaseUrl()).build()) {
                        SolrQuery all = new SolrQuery("*:*");
                        all.set("distrib", false);
                        all.setRows(0);
                        counts.add(core.query(replica.getCoreName(), all).getResults().getNumFound());
                    }
                }
                assertThat(counts).as("document counts of the replicas of %s", slice.getName()).hasSize(1);
            }
        }
    }
}
