package dev.catena.benchmarks.core;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.catena.benchmarks.splitters.DocumentCorpus;
import dev.catena.core.models.TokenCounter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link TokenCounter#count(String)} against raw jtokkit on the pieces users pass: the
 * {@link DocumentCorpus} documents (64K chars each: English and Chinese paragraphs, long unspaced
 * Chinese runs, code, Markdown), each counted on its own, in one run. {@code rawCountTokens} is
 * jtokkit's {@code countTokens} (which also scans for special tokens), {@code rawCountTokensOrdinary}
 * its {@code countTokensOrdinary} (what {@code TokenCounter} means by a count: special-token text is
 * ordinary text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class TokenCountBenchmark {

    @Param({"o200k_base", "cl100k_base"})
    public String encoding;

    /** Corpus size in UTF-8 megabytes. */
    @Param("2")
    public int corpusMb;

    private List<String> documents;
    private TokenCounter counter;
    private Encoding raw;

    @Setup
    public void setUp() {
        documents = DocumentCorpus.documents(corpusMb, 42);
        System.out.printf("%n%d documents, %.3f MB of UTF-8%n", documents.size(), DocumentCorpus.megabytes(documents));
        counter = TokenCounter.of(encoding);
        raw = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.fromName(encoding).orElseThrow());
    }

    @Benchmark
    public long catenaTokenCounter() {
        long tokens = 0;
        for (String d : documents) {
            tokens += counter.count(d);
        }
        return tokens;
    }

    @Benchmark
    public long rawCountTokens() {
        long tokens = 0;
        for (String d : documents) {
            tokens += raw.countTokens(d);
        }
        return tokens;
    }

    @Benchmark
    public long rawCountTokensOrdinary() {
        long tokens = 0;
        for (String d : documents) {
            tokens += raw.countTokensOrdinary(d);
        }
        return tokens;
    }
}
