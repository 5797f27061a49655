package dev.catena.benchmarks.retrieval;

import dev.catena.core.documents.Document;
import dev.catena.retrieval.retrievers.BM25Retriever;
import dev.catena.retrieval.retrievers.Bm25Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link BM25Retriever} over generated documents (100,000 by default): building the index, and
 * answering a three-term query (top 4), against a full scan that scores every document per query
 * (what the retriever did before it had an inverted index), measured side by side.
 *
 * <p>Documents are 20–80 words drawn with a Zipf-like skew from 20,000 Latin words, one in ten
 * with a run of Chinese characters, so postings lengths range from a handful to most of the corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class Bm25Benchmark {

    @Param("100000")
    public int documents;

    private List<Document> corpus;
    private BM25Retriever bm25;
    private FullScan scan;
    private String[] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(42);
        String[] words = new String[20_000];
        for (int i = 0; i < words.length; i++) {
            words[i] = word(random, i);
        }
        corpus = new ArrayList<>(documents);
        for (int d = 0; d < documents; d++) {
            StringBuilder text = new StringBuilder();
            int length = 20 + random.nextInt(61);
            for (int w = 0; w < length; w++) {
                text.append(words[skewed(random, words.length)]).append(' ');
            }
            if (d % 10 == 0) {
                text.append("天道酬勤，自强不息。");
            }
            corpus.add(Document.of(text.toString()));
        }
        queries = new String[64];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = words[skewed(random, words.length)] + " " + words[skewed(random, 2000)] + " "
                    + words[random.nextInt(words.length)];
        }
        bm25 = BM25Retriever.of(corpus);
        scan = new FullScan(corpus);
    }

    private static int skewed(Random random, int n) {
        return (int) (n * Math.pow(random.nextDouble(), 3));
    }

    private static String word(Random random, int i) {
        StringBuilder b = new StringBuilder();
        int length = 3 + random.nextInt(7);
        for (int c = 0; c < length; c++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.append(i).toString();
    }

    private String nextQuery() {
        return queries[next++ & (queries.length - 1)];
    }

    /** Tokenizes the corpus and builds the inverted index. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public BM25Retriever index() {
        return BM25Retriever.of(corpus);
    }

    /** The former index: a term-frequency map per document. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object fullScanIndex() {
        return new FullScan(corpus);
    }

    /** Top 4 for a three-term query through the postings of its terms. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Document> query() {
        return bm25.retrieve(nextQuery());
    }

    /** The same query scored against every document, then sorted: the retriever before the index. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Document> fullScanQuery() {
        return scan.retrieve(nextQuery(), 4);
    }

    /** The former algorithm: a term-frequency map per document, every document scored per query. */
    static final class FullScan {
        private final List<Document> documents;
        private final Bm25Tokenizer tokenizer = new Bm25Tokenizer();
        private final List<Map<String, Integer>> termFrequencies = new ArrayList<>();
        private final int[] lengths;
        private final double averageLength;
        private final Map<String, Double> idf = new HashMap<>();

        FullScan(List<Document> documents) {
            this.documents = documents;
            this.lengths = new int[documents.size()];
            Map<String, Integer> df = new HashMap<>();
            long total = 0;
            for (int i = 0; i < documents.size(); i++) {
                List<String> tokens = tokenizer.apply(documents.get(i).text());
                Map<String, Integer> tf = new HashMap<>();
                tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
                tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
                termFrequencies.add(tf);
                lengths[i] = tokens.size();
                total += tokens.size();
            }
            averageLength = (double) total / documents.size();
            int n = documents.size();
            double sum = 0;
            for (var e : df.entrySet()) {
                double v = Math.log(n - e.getValue() + 0.5) - Math.log(e.getValue() + 0.5);
                idf.put(e.getKey(), v);
                sum += v;
            }
            double floor = 0.25 * sum / idf.size();
            idf.replaceAll((t, v) -> v < 0 ? floor : v);
        }

        List<Document> retrieve(String query, int k) {
            double[] scores = new double[documents.size()];
            for (String term : tokenizer.apply(query)) {
                Double termIdf = idf.get(term);
                for (int i = 0; termIdf != null && i < scores.length; i++) {
                    Integer tf = termFrequencies.get(i).get(term);
                    if (tf != null) {
                        scores[i] += termIdf * tf * 2.5 / (tf + 1.5 * (1 - 0.75 + 0.75 * lengths[i] / averageLength));
                    }
                }
            }
            List<Integer> order = new ArrayList<>(scores.length);
            for (int i = 0; i < scores.length; i++) {
                order.add(i);
            }
            order.sort((x, y) -> Double.compare(scores[y], scores[x]));
            return order.stream().limit(k).map(documents::get).toList();
        }
    }
}
