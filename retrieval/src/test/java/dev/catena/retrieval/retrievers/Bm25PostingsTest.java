package dev.catena.retrieval.retrievers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.documents.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The two-pass, optionally parallel index build against a straightforward one (a map from each
 * term, in order of first occurrence, to its documents and frequencies) on seeded random corpora:
 * the same postings, lengths and idf to the bit, for any number of parts the tokenising is split into.
 */
class Bm25PostingsTest {

    private static final Bm25Tokenizer TOKENIZER = new Bm25Tokenizer();

    @RepeatedTest(40)
    void buildMatchesAStraightforwardIndexForAnyNumberOfParts(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        List<String> texts = corpus(random, random.nextInt(400), vocabulary(random, 1 + random.nextInt(3000)));
        Reference expected = new Reference(texts, TOKENIZER);
        for (int parts = 1; parts <= 7; parts += 1 + random.nextInt(3)) {
            assertSameIndex(Bm25Postings.build(texts, TOKENIZER, 0.25, parts), expected, "parts " + parts);
        }
    }

    @RepeatedTest(10)
    void aCustomTokenizerWithCollidingHashesBuildsTheSameIndex(RepetitionInfo repetition) {
        Random random = new Random(2000 + repetition.getCurrentRepetition());
        // case kept: Aa, BB, AaAa, AaBB, BBAa and BBBB all share String.hashCode
        String[] words = {"Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB", "x", "X", "", "a b"};
        List<String> texts = new ArrayList<>();
        for (int d = random.nextInt(200); d > 0; d--) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(15); w > 0; w--) {
                text.append(words[(int) (words.length * Math.pow(random.nextDouble(), 2))]).append('|');
            }
            texts.add(text.toString());
        }
        Function<String, List<String>> split = text -> List.of(text.split("\\|"));
        assertSameIndex(Bm25Postings.build(texts, split, 0.25), new Reference(texts, split), "split on |");
    }

    @Test
    void aCorpusLargeEnoughToTokeniseInParallelScoresAndRanksAsTheStraightforwardIndex() {
        Random random = new Random(7);
        // two parts on two or more processors, none on one
        List<String> texts = corpus(random, 2 * Bm25Postings.DOCUMENTS_PER_PART + 123, vocabulary(random, 5000));
        List<Document> documents = texts.stream().map(Document::of).toList();
        Reference reference = new Reference(texts, TOKENIZER);
        BM25Retriever bm25 = BM25Retriever.of(documents);
        for (int q = 0; q < 10; q++) {
            String query = String.join(" ", TOKENIZER.apply(texts.get(random.nextInt(texts.size()))).stream().limit(3).toList())
                    + " " + TOKENIZER.apply(texts.get(texts.size() - 1 - q)).stream().findFirst().orElse("");
            double[] expected = reference.scores(query, TOKENIZER);
            assertThat(bm25.scores(query)).as(query).isEqualTo(expected);
            List<Document> top = IntStream.range(0, texts.size()).boxed()
                    .sorted(Comparator.comparingDouble((Integer d) -> -expected[d])).limit(4).map(documents::get).toList();
            assertThat(bm25.retrieve(query)).as(query).containsExactlyElementsOf(top);
        }
    }

    private static void assertSameIndex(Bm25Postings index, Reference expected, String description) {
        assertThat(index.documentCount()).as(description).isEqualTo(expected.lengths.length);
        assertThat(index.termCount()).as(description).isEqualTo(expected.postings.size());
        expected.postings.forEach((term, postings) -> {
            Bm25Postings.Postings actual = index.postings(term);
            assertThat(actual).as("%s: %s", description, term).isNotNull();
            assertThat(Arrays.copyOfRange(actual.documents(), actual.from(), actual.to()))
                    .as("%s: documents of %s", description, term).containsExactly(postings.documents());
            assertThat(Arrays.copyOfRange(actual.frequencies(), actual.from(), actual.to()))
                    .as("%s: frequencies of %s", description, term).containsExactly(postings.frequencies());
            assertThat(actual.idf()).as("%s: idf of %s", description, term).isEqualTo(expected.idf.get(term));
        });
        for (int d = 0; d < expected.lengths.length; d++) {
            assertThat(index.norm(d, 1.5, 0.75)).as("%s: norm of %d", description, d).isEqualTo(expected.norm(d));
        }
        assertThat(index.postings("not-a-term-of-any-corpus")).isNull();
    }

    /** Words of 1–12 letters and digits in both cases, the Han characters and bigrams, and a pair whose lower-cased hashes collide. */
    private static List<String> vocabulary(Random random, int size) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éß";
        String han = "天道酬勤自强不息厚德载物" + new String(Character.toChars(0x20000)) + new String(Character.toChars(0x2A6D6));
        List<String> words = new ArrayList<>(List.of("c0", "an", "C0", "AN")); // "c0" and "an" share String.hashCode
        while (words.size() < size) {
            StringBuilder word = new StringBuilder();
            if (random.nextInt(10) == 0) {
                for (int c = 1 + random.nextInt(4); c > 0; c--) {
                    int at = random.nextInt(han.length() - 1);
                    word.append(Character.isHighSurrogate(han.charAt(at)) ? han.substring(at, at + 2) : han.charAt(at));
                }
            } else {
                for (int c = 1 + random.nextInt(12); c > 0; c--) {
                    word.append(letters.charAt(random.nextInt(letters.length())));
                }
            }
            words.add(word.toString());
        }
        return words;
    }

    /** Documents of 0–40 words drawn with a skew (so some terms are in most documents), some with punctuation. */
    private static List<String> corpus(Random random, int documents, List<String> words) {
        String[] separators = {" ", " ", " ", ", ", "-", "\n", "，", "。"};
        List<String> texts = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(41); w > 0; w--) {
                text.append(words.get((int) (words.size() * Math.pow(random.nextDouble(), 3))));
                text.append(separators[random.nextInt(separators.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** A term's documents and frequencies in corpus order. */
    private record TermPostings(int[] documents, int[] frequencies) {
    }

    /** The index built the plain way: one token list per document, maps from term to postings. */
    private static final class Reference {
        final Map<String, TermPostings> postings = new LinkedHashMap<>();
        final Map<String, Double> idf = new LinkedHashMap<>();
        final int[] lengths;
        final double averageLength;

        Reference(List<String> texts, Function<String, List<String>> tokenizer) {
            int n = texts.size();
            lengths = new int[n];
            Map<String, List<int[]>> lists = new LinkedHashMap<>();
            long total = 0;
            for (int d = 0; d < n; d++) {
                List<String> tokens = tokenizer.apply(texts.get(d));
                for (String token : tokens) {
                    List<int[]> list = lists.computeIfAbsent(token, t -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1)[0] != d) {
                        list.add(new int[] {d, 0});
                    }
                    list.get(list.size() - 1)[1]++;
                }
                lengths[d] = tokens.size();
                total += tokens.size();
            }
            averageLength = n == 0 ? 0 : (double) total / n;
            double sum = 0;
            for (var e : lists.entrySet()) {
                List<int[]> list = e.getValue();
                postings.put(e.getKey(), new TermPostings(list.stream().mapToInt(p -> p[0]).toArray(),
                        list.stream().mapToInt(p -> p[1]).toArray()));
                double v = Math.log(n - list.size() + 0.5) - Math.log(list.size() + 0.5);
                idf.put(e.getKey(), v);
                sum += v;
            }
            double floor = idf.isEmpty() ? 0 : 0.25 * sum / idf.size();
            idf.replaceAll((t, v) -> v < 0 ? floor : v);
        }

        double norm(int d) {
            return 1.5 * (1 - 0.75 + 0.75 * lengths[d] / averageLength);
        }

        /** Every document scored, term by term in query order, with the retriever's expression. */
        double[] scores(String query, Function<String, List<String>> tokenizer) {
            double[] scores = new double[lengths.length];
            for (String term : tokenizer.apply(query)) {
                TermPostings p = postings.get(term);
                for (int j = 0; p != null && j < p.documents().length; j++) {
                    int d = p.documents()[j];
                    int tf = p.frequencies()[j];
                    scores[d] += idf.get(term) * tf * (1.5 + 1) / (tf + norm(d));
                }
            }
            return scores;
        }
    }
}
