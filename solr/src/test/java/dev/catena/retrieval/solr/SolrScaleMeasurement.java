package dev.catena.retrieval.solr;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * The measured run behind docs/scaling.md: ingest and query rates of {@link SolrVectorStore} on
 * the same in-JVM 2-node SolrCloud cluster the tests use (2 shards × 2 replicas), and the cost
 * per stored vector of an exact flat scan on one core, from which the cost at 10M vectors follows.
 * Arguments: vectors (default 100000), dimension (default 128), writer threads (default 4),
 * query seconds (default 20).
 */
public final class SolrScaleMeasurement {

    private SolrScaleMeasurement() {
    }

    /** Runs the measurement and prints one line per number. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int writers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int querySeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Random random = new Random(42);
        List<Document> docs = new ArrayList<>(n);
        List<Embedding> vectors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            docs.add(new Document("v" + i, "vector " + i, Map.of("shard", i % 8)));
            vectors.add(new Embedding(gaussian(random, dim)));
        }
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(2, Files.createTempDirectory("catena-solr-scale")).configure();
        try (SolrVectorStore store = SolrVectorStore.builder(new HashingEmbeddingModel())
                .zkHosts(List.of(cluster.getZkServer().getZkAddress()))
                .collection("scale").dimension(dim).shards(2).replicas(2).build()) {
            print("load average before ingest: %.2f", load());
            int chunk = 1000;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long start = System.nanoTime();
            List<Future<?>> pending = new ArrayList<>();
            for (int from = 0; from < n; from += chunk) {
                int f = from;
                int t = Math.min(n, from + chunk);
                pending.add(pool.submit(() -> store.addEmbeddings(docs.subList(f, t), vectors.subList(f, t))));
            }
            for (Future<?> p : pending) {
                p.get();
            }
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            print("ingest: %d vectors of %d dimensions, %d writer threads, %d per call: %.1f s, %.0f vectors/s (load average %.2f)",
                    n, dim, writers, chunk, ingestSeconds, n / ingestSeconds, load());
            if (store.size() != n) {
                throw new IllegalStateException("stored " + store.size() + " of " + n);
            }
            for (int i = 0; i < 50; i++) {
                store.searchByVector(gaussian(random, dim), 10, null); // warm-up
            }
            int queries = 0;
            long qStart = System.nanoTime();
            long deadline = qStart + querySeconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                store.searchByVector(gaussian(random, dim), 10, null);
                queries++;
            }
            double querySecondsTaken = (System.nanoTime() - qStart) / 1e9;
            print("query: top-10 by vector, one client thread, %d queries in %.1f s: %.1f queries/s, %.1f ms each (load average %.2f)",
                    queries, querySecondsTaken, queries / querySecondsTaken, 1000 * querySecondsTaken / queries, load());
        } finally {
            cluster.shutdown();
        }
        InMemoryVectorStore flat = InMemoryVectorStore.create(new HashingEmbeddingModel(), dev.catena.core.vector.Distance.COSINE, 1);
        flat.addEmbeddings(docs, vectors);
        for (int i = 0; i < 20; i++) {
            flat.searchByVector(gaussian(random, dim), 10, null);
        }
        int scans = 200;
        long fStart = System.nanoTime();
        for (int i = 0; i < scans; i++) {
            flat.searchByVector(gaussian(random, dim), 10, null);
        }
        double nsPerVector = (System.nanoTime() - fStart) / (double) scans / n;
        print("flat exact scan on one thread: %.2f ns per stored vector of %d dimensions; at 10M vectors %.2f s per query per core, %.1f GB of vectors (load average %.2f)",
                nsPerVector, dim, nsPerVector * 10_000_000 / 1e9, 10_000_000.0 * dim * 4 / 1e9, load());
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(format, args));
    }

    private static float[] gaussian(Random random, int dim) {
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
