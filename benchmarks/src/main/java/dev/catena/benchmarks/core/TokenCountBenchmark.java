package dev.catena.benchmarks.core;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.catena.core.models.TokenCounter;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link TokenCounter#count(String)} against raw jtokkit on 10 MB (10 million chars) of mixed
 * English and Chinese text. Target: within 5% of raw jtokkit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TokenCountBenchmark {

    private static final String[] ENGLISH = ("the model reads a prompt and writes an answer while the chain keeps "
            + "memory of every message token budget retrieval document vector store agent tool call").split(" ");
    private static final String CHINESE = "天道酬勤自强不息学而时习之不亦说乎温故而知新可以为师矣模型检索文档向量记忆工具代理";

    @Param({"o200k_base", "cl100k_base"})
    public String encoding;

    @Param({"10000000"})
    public int chars;

    private String text;
    private TokenCounter counter;
    private Encoding raw;

    @Setup
    public void setUp() {
        text = mixedText(chars, 42);
        counter = TokenCounter.of(encoding);
        raw = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.fromName(encoding).orElseThrow());
    }

    /** Deterministic text of about 70% English words and 30% Chinese phrases, with punctuation and newlines. */
    static String mixedText(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(chars + 64);
        while (sb.length() < chars) {
            if (random.nextInt(10) < 7) {
                sb.append(ENGLISH[random.nextInt(ENGLISH.length)]).append(' ');
            } else {
                int from = random.nextInt(CHINESE.length() - 4);
                sb.append(CHINESE, from, from + 2 + random.nextInt(3)).append(random.nextInt(5) == 0 ? "。" : "，");
            }
            if (random.nextInt(40) == 0) {
                sb.append(".\n");
            }
        }
        return sb.substring(0, chars);
    }

    @Benchmark
    public int catenaTokenCounter() {
        return counter.count(text);
    }

    @Benchmark
    public int rawJtokkit() {
        return raw.countTokensOrdinary(text);
    }
}
