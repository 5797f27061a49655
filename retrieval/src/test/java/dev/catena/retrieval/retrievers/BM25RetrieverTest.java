package dev.catena.retrieval.retrievers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.catena.core.documents.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class BM25RetrieverTest {

    // Hand-checked with rank_bm25's BM25Okapi formulas (k1 1.5, b 0.75, epsilon 0.25):
    // N = 4, average length 21/4 = 5.25; idf(df=1) = ln(3.5/1.5) = 0.847298; "the" and "cat" are in
    // 3 documents, so their idf ln(1.5/3.5) < 0 is floored to 0.25 × mean idf = 0.25 × 9 × 0.847298 / 13 = 0.146648.
    private static final List<Document> CORPUS = List.of(
            Document.of("The cat sat on the mat."),
            Document.of("The dog chased the cat"),
            Document.of("Stock markets fell today"),
            Document.of("the cat and the cat toy"));

    @Test
    void scoresAHandCheckedCorpusLikeRankBm25() {
        BM25Retriever bm25 = BM25Retriever.of(CORPUS);
        double[] scores = bm25.scores("cat mat");
        // d0: cat 0.146648×2.5/(1+1.660714) + mat 0.847298×2.5/2.660714
        assertThat(scores[0]).isCloseTo(0.933908, within(1e-5));
        // d1: cat only, length 5: 0.146648×2.5/(1+1.446429)
        assertThat(scores[1]).isCloseTo(0.149859, within(1e-5));
        assertThat(scores[2]).isZero();
        // d3: cat twice, length 6: 0.146648×2×2.5/(2+1.660714)
        assertThat(scores[3]).isCloseTo(0.200300, within(1e-5));

        assertThat(bm25.retrieve("cat mat")).containsExactly(CORPUS.get(0), CORPUS.get(3), CORPUS.get(1), CORPUS.get(2));
        assertThat(BM25Retriever.builder(CORPUS).k(2).build().retrieve("cat mat")).containsExactly(CORPUS.get(0), CORPUS.get(3));
    }

    @Test
    void repeatedQueryTermsCountTwiceAndUnknownTermsScoreNothing() {
        BM25Retriever bm25 = BM25Retriever.of(CORPUS);
        double once = bm25.scores("markets")[2];
        assertThat(bm25.scores("markets markets")[2]).isCloseTo(2 * once, within(1e-12));
        assertThat(bm25.scores("zebra")).containsOnly(0.0);
    }

    @Test
    void tokenizerHandlesLatinWordsAndCjkCharactersWithBigrams() {
        assertThat(new Bm25Tokenizer().apply("Hybrid-Search, ２０２４! 天道酬勤"))
                .containsExactly("hybrid", "search", "2024", "天", "道", "酬", "勤", "天道", "道酬", "酬勤");
        List<Document> chinese = List.of(Document.of("天道酬勤，自强不息。"), Document.of("厚德载物"), Document.of("勤能补拙"));
        BM25Retriever bm25 = BM25Retriever.builder(chinese).k(1).build();
        assertThat(bm25.retrieve("酬勤")).containsExactly(chinese.get(0));
        assertThat(bm25.retrieve("厚德")).containsExactly(chinese.get(1));
    }

    @Test
    void cjkCharactersOutsideTheBasicPlaneStayWholeInTokensAndIndex() {
        // U+20000 and U+20001 are Han characters of two chars each (surrogate pairs)
        String a = new String(Character.toChars(0x20000));
        String b = new String(Character.toChars(0x20001));
        assertThat(new Bm25Tokenizer().apply("Ünïcode " + a + b + "x"))
                .containsExactly("ünïcode", a, b, a + b, "x");
        List<Document> docs = List.of(Document.of("天 " + a + b), Document.of(b + a), Document.of("地"));
        BM25Retriever bm25 = BM25Retriever.builder(docs).k(1).build();
        assertThat(bm25.retrieve(a + b)).containsExactly(docs.get(0));
        assertThat(bm25.retrieve(b + a)).containsExactly(docs.get(1));
    }

    @Test
    void aCustomTokenizerReplacesTheDefault() {
        // LangChain's default preprocessing is text.split(): case-sensitive, punctuation kept.
        BM25Retriever split = BM25Retriever.builder(CORPUS).tokenizer(t -> List.of(t.split("\\s+"))).build();
        assertThat(split.scores("mat")).containsOnly(0.0);
        assertThat(split.scores("mat.")[0]).isPositive();
    }
}
