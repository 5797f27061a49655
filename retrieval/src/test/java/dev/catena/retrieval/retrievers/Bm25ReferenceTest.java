package dev.catena.retrieval.retrievers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.catena.core.documents.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The indexed BM25 against a brute-force reference that scores every document with rank_bm25's
 * formulas, on random corpora (Latin words and Chinese characters, empty documents, very common
 * terms whose idf is floored), for scores and for the top-k order.
 */
class Bm25ReferenceTest {

    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "the", "of", "天", "道", "酬", "勤", "search"};

    @RepeatedTest(40)
    void scoresAndRankingMatchAFullScan(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int n = 1 + random.nextInt(60);
        List<Document> corpus = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            corpus.add(Document.of(randomText(random, random.nextInt(12))));
        }
        Bm25Tokenizer tokenizer = new Bm25Tokenizer();
        int k = 1 + random.nextInt(8);
        BM25Retriever bm25 = BM25Retriever.builder(corpus).k(k).build();
        for (int q = 0; q < 10; q++) {
            String query = randomText(random, 1 + random.nextInt(4));
            double[] expected = referenceScores(corpus, tokenizer, query);
            double[] actual = bm25.scores(query);
            for (int i = 0; i < n; i++) {
                assertThat(actual[i]).as("doc %d for %s", i, query).isCloseTo(expected[i], within(1e-9));
            }
            List<Integer> order = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -actual[i])).limit(k).toList();
            assertThat(bm25.retrieve(query)).containsExactlyElementsOf(order.stream().map(corpus::get).toList());
        }
    }

    private static String randomText(Random random, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            // skewed, so some terms are in more than half the documents and get the floored idf
            b.append(WORDS[(int) (WORDS.length * Math.pow(random.nextDouble(), 2))]).append(random.nextBoolean() ? " " : "");
        }
        return b.toString();
    }

    /** rank_bm25's BM25Okapi (k1 1.5, b 0.75, epsilon 0.25), scanning every document. */
    private static double[] referenceScores(List<Document> corpus, Bm25Tokenizer tokenizer, String query) {
        int n = corpus.size();
        List<Map<String, Integer>> tfs = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        int[] lengths = new int[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            List<String> tokens = tokenizer.apply(corpus.get(i).text());
            Map<String, Integer> tf = new HashMap<>();
            tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
            tfs.add(tf);
            lengths[i] = tokens.size();
            total += tokens.size();
        }
        double avg = total / n;
        Map<String, Double> idf = new HashMap<>();
        double sum = 0;
        for (var e : df.entrySet()) {
            double v = Math.log(n - e.getValue() + 0.5) - Math.log(e.getValue() + 0.5);
            idf.put(e.getKey(), v);
            sum += v;
        }
        double floor = idf.isEmpty() ? 0 : 0.25 * sum / idf.size();
        idf.replaceAll((t, v) -> v < 0 ? floor : v);
        double[] scores = new double[n];
        for (String term : tokenizer.apply(query)) {
            Double termIdf = idf.get(term);
            for (int i = 0; termIdf != null && i < n; i++) {
                Integer tf = tfs.get(i).get(term);
                if (tf != null) {
                    scores[i] += termIdf * tf * 2.5 / (tf + 1.5 * (1 - 0.75 + 0.75 * lengths[i] / avg));
                }
            }
        }
        return scores;
    }

    @RepeatedTest(20)
    void asciiTextTokenizesAsTheNormalisingPath(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String alphabet = "aZ09 .,-_\t\n!?xY7";
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            ascii.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Bm25Tokenizer tokenizer = new Bm25Tokenizer();
        // a trailing non-ASCII letter sends the same text down the normalising path
        List<String> normalised = new ArrayList<>(tokenizer.apply(ascii + " é"));
        normalised.remove(normalised.size() - 1);
        assertThat(tokenizer.apply(ascii.toString())).isEqualTo(normalised);
    }
}
