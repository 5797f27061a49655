package dev.catena.benchmarks.splitters;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.catena.core.documents.Document;
import dev.catena.core.models.TokenCounter;
import dev.catena.retrieval.splitters.LengthFunction;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Splitting documents the way users do: a {@code List<Document>} of {@link DocumentCorpus} documents
 * (64K chars each, with metadata) through {@code splitDocuments}, against LangChain4j 1.19's
 * {@code DocumentSplitters.recursive(...).splitAll} on the same documents and raw jtokkit counting
 * of the same text, in one run.
 *
 * <ul>
 *   <li>recursive: chunks of 1000 chars (code points in Catena, chars in LangChain4j), overlap 100;</li>
 *   <li>tokens: chunks of 250 o200k_base tokens, overlap 25; Catena measures with
 *       {@code LengthFunction.tokens(TokenCounter.of("o200k_base"))}, LangChain4j with its
 *       {@code OpenAiTokenCountEstimator("gpt-4o")} (jtokkit o200k_base as well);</li>
 *   <li>{@code jtokkitCount}: jtokkit's {@code countTokensOrdinary} (o200k_base) of every document,
 *       the least any exact token-measured splitter must spend.</li>
 * </ul>
 * Throughput in MB/s is the corpus's UTF-8 size (printed at setup) divided by the time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class DocumentSplitBenchmark {

    /** Corpus size in UTF-8 megabytes. */
    @Param("2")
    public int corpusMb;

    private List<Document> documents;
    private List<dev.langchain4j.data.document.Document> peerDocuments;
    private List<String> texts;
    private RecursiveCharacterTextSplitter byChars;
    private RecursiveCharacterTextSplitter byCharsWithIndex;
    private RecursiveCharacterTextSplitter byTokens;
    private RecursiveCharacterTextSplitter byTokensWithIndex;
    private DocumentSplitter peerByChars;
    private DocumentSplitter peerByTokens;
    private Encoding rawO200k;

    @Setup
    public void setUp() {
        texts = DocumentCorpus.documents(corpusMb, 42);
        documents = new ArrayList<>();
        peerDocuments = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Object> metadata = Map.of("source", "corpus-" + i + ".md", "part", i);
            documents.add(Document.of(texts.get(i), metadata));
            peerDocuments.add(dev.langchain4j.data.document.Document.from(texts.get(i), Metadata.from(metadata)));
        }
        System.out.printf("%n%d documents, %.3f MB of UTF-8%n", texts.size(), DocumentCorpus.megabytes(texts));
        TokenCounter o200k = TokenCounter.of("o200k_base");
        byChars = RecursiveCharacterTextSplitter.builder().chunkSize(1000).chunkOverlap(100).build();
        byCharsWithIndex = RecursiveCharacterTextSplitter.builder().chunkSize(1000).chunkOverlap(100)
                .addStartIndex(true).build();
        byTokens = RecursiveCharacterTextSplitter.builder().chunkSize(250).chunkOverlap(25)
                .lengthFunction(LengthFunction.tokens(o200k)).build();
        byTokensWithIndex = RecursiveCharacterTextSplitter.builder().chunkSize(250).chunkOverlap(25)
                .lengthFunction(LengthFunction.tokens(o200k)).addStartIndex(true).build();
        peerByChars = DocumentSplitters.recursive(1000, 100);
        peerByTokens = DocumentSplitters.recursive(250, 25, new OpenAiTokenCountEstimator("gpt-4o"));
        rawO200k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    @Benchmark
    public List<Document> catenaRecursive() {
        return byChars.splitDocuments(documents);
    }

    @Benchmark
    public List<Document> catenaRecursiveStartIndex() {
        return byCharsWithIndex.splitDocuments(documents);
    }

    @Benchmark
    public List<TextSegment> langchain4jRecursive() {
        return peerByChars.splitAll(peerDocuments);
    }

    @Benchmark
    public List<Document> catenaTokens() {
        return byTokens.splitDocuments(documents);
    }

    @Benchmark
    public List<Document> catenaTokensStartIndex() {
        return byTokensWithIndex.splitDocuments(documents);
    }

    @Benchmark
    public List<TextSegment> langchain4jTokens() {
        return peerByTokens.splitAll(peerDocuments);
    }

    @Benchmark
    public long jtokkitCount() {
        long tokens = 0;
        for (String text : texts) {
            tokens += rawO200k.countTokensOrdinary(text);
        }
        return tokens;
    }
}
