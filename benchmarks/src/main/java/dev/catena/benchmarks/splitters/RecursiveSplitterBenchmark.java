package dev.catena.benchmarks.splitters;

import dev.catena.core.models.TokenCounter;
import dev.catena.retrieval.splitters.LengthFunction;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.TokenCountEstimator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recursive splitting of a mixed English/Chinese corpus (20 MB of UTF-8 by default), measured in
 * characters and in cl100k_base tokens, against LangChain4j's {@code DocumentSplitters.recursive}
 * on the same text and raw jtokkit counting of the whole text. Throughput in MB/s is
 * {@code corpusMb / (ms/op / 1000)}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class RecursiveSplitterBenchmark {

    @Param("20")
    public int corpusMb;

    /** Chunk size of the token-measured splitters; the corpus's paragraphs average about 260 tokens. */
    @Param({"256", "512"})
    public int tokenChunk;

    private String corpus;
    private Document corpusDocument;
    private TokenCounter counter;
    private RecursiveCharacterTextSplitter byChars;
    private RecursiveCharacterTextSplitter byTokens;
    private RecursiveCharacterTextSplitter byTokensPieceByPiece;
    private DocumentSplitter peerByChars;
    private DocumentSplitter peerByTokens;

    @Setup
    public void setUp() {
        corpus = MixedCorpus.ofMegabytes(corpusMb);
        corpusDocument = Document.from(corpus);
        counter = TokenCounter.of("cl100k_base");
        byChars = RecursiveCharacterTextSplitter.builder().chunkSize(1000).chunkOverlap(200).build();
        byTokens = RecursiveCharacterTextSplitter.builder().chunkSize(tokenChunk).chunkOverlap(tokenChunk / 8)
                .lengthFunction(LengthFunction.tokens(counter)).build();
        byTokensPieceByPiece = RecursiveCharacterTextSplitter.builder().chunkSize(tokenChunk).chunkOverlap(tokenChunk / 8)
                .lengthFunction(new PieceByPieceTokens(counter)).build();
        peerByChars = DocumentSplitters.recursive(1000, 200);
        peerByTokens = DocumentSplitters.recursive(tokenChunk, tokenChunk / 8, new JtokkitEstimator(counter));
    }

    @Benchmark
    public List<String> catenaChars() {
        return byChars.splitText(corpus);
    }

    @Benchmark
    public Object langchain4jChars() {
        return peerByChars.split(corpusDocument);
    }

    @Benchmark
    public List<String> catenaTokens() {
        return byTokens.splitText(corpus);
    }

    /** The same splitter measuring every piece on its own, as LangChain's algorithm does (the cost before sub-piece counting). */
    @Benchmark
    public List<String> catenaTokensPieceByPiece() {
        return byTokensPieceByPiece.splitText(corpus);
    }

    @Benchmark
    public Object langchain4jTokens() {
        return peerByTokens.split(corpusDocument);
    }

    @Benchmark
    public int jtokkitCountWholeText() {
        return counter.count(corpus);
    }

    /** Token length counted piece by piece, stopping early for long pieces: what {@code LengthFunction.tokens} did before. */
    private record PieceByPieceTokens(TokenCounter counter) implements LengthFunction {
        @Override
        public int length(String text, int from, int to) {
            return counter.count(text.substring(from, to));
        }

        @Override
        public int lengthBelow(String text, int from, int to, int limit) {
            return counter.countUpTo(text.substring(from, to), limit);
        }
    }

    /** LangChain4j's token estimator interface over the same jtokkit encoding, so both sides count alike. */
    private record JtokkitEstimator(TokenCounter counter) implements TokenCountEstimator {
        @Override
        public int estimateTokenCountInText(String text) {
            return counter.count(text);
        }

        @Override
        public int estimateTokenCountInMessage(ChatMessage message) {
            throw new UnsupportedOperationException("only text is split here");
        }

        @Override
        public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
            throw new UnsupportedOperationException("only text is split here");
        }
    }
}
