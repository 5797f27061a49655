package dev.catena.benchmarks.models;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.models.CachedChatModel;
import dev.catena.models.InMemoryCache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The response cache ({@link InMemoryCache} on Caffeine, through {@link CachedChatModel}).
 *
 * <ul>
 *   <li>{@code hit*}: the cost of a hit, single-threaded. {@code hitThroughCachedChatModel} is what
 *       a caller pays (the cache key is the request written as JSON, plus the look-up);
 *       {@code hitLookupOnly} is the cache alone on a ready key, next to
 *       {@code baselineConcurrentHashMapGet}, the least any in-memory cache can cost.</li>
 *   <li>{@code eightConcurrentIdenticalMisses}: 8 threads ask for the same new request at once,
 *       against a model that takes 1 ms; the model calls per batch are printed at the end of the
 *       run. {@code baselineEightMissesWithoutSingleFlight} does the same with the look-up,
 *       call, store pattern of a cache without single-flight loading (the hand-written cache this
 *       one replaced).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResponseCacheBenchmark {

    private static final int CALLERS = 8;

    private final AtomicLong modelCalls = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private ChatModel slowModel;
    private ExecutorService pool;
    private InMemoryCache cache;
    private ChatModel cached;
    private ChatRequest warmRequest;
    private String warmKey;
    private final ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();

    @Setup
    public void setUp() {
        slowModel = new ChatModel() {
            @Override
            public AiMessage generate(ChatRequest request, RunConfig config) {
                modelCalls.incrementAndGet();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new AiMessage("Paris.", List.of(), null, "stop", TokenUsage.of(12, 2));
            }
        };
        pool = Executors.newFixedThreadPool(CALLERS);
        cache = InMemoryCache.builder().maximumSize(100_000).build();
        cached = CachedChatModel.of(slowModel, cache);
        warmRequest = ChatRequest.of(ChatMessage.system("You answer in one word."), ChatMessage.user("Capital of France?"));
        cached.generate(warmRequest, RunConfig.defaults());
        warmKey = "warm";
        cache.update(warmKey, "Paris.");
        map.put(warmKey, "Paris.");
    }

    @TearDown
    public void tearDown() {
        pool.shutdownNow();
        if (batches.get() > 0) {
            // printed into JMH's output: the setup's one call is left out
            System.out.printf("model calls per batch of %d identical requests: %.2f (%d calls, %d batches)%n", CALLERS,
                    (modelCalls.get() - 1) / (double) batches.get(), modelCalls.get() - 1, batches.get());
        }
    }

    @Benchmark
    public AiMessage hitThroughCachedChatModel() {
        return cached.generate(warmRequest, RunConfig.defaults());
    }

    @Benchmark
    public String hitLookupOnly() {
        return cache.getOrCompute(warmKey, String.class, () -> "never called");
    }

    @Benchmark
    public Object baselineConcurrentHashMapGet() {
        return map.get(warmKey);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int eightConcurrentIdenticalMisses() throws Exception {
        ChatRequest request = ChatRequest.of(ChatMessage.user("question " + sequence.incrementAndGet()));
        return batch(() -> cached.generate(request, RunConfig.defaults()));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int baselineEightMissesWithoutSingleFlight() throws Exception {
        ChatRequest request = ChatRequest.of(ChatMessage.user("question " + sequence.incrementAndGet()));
        String key = request.toString();
        return batch(() -> {
            Object hit = map.get(key);
            if (hit != null) {
                return (AiMessage) hit;
            }
            AiMessage answer = slowModel.generate(request, RunConfig.defaults());
            map.put(key, answer);
            return answer;
        });
    }

    private interface Call {
        AiMessage run() throws Exception;
    }

    private int batch(Call call) throws Exception {
        List<Future<AiMessage>> answers = new ArrayList<>(CALLERS);
        for (int i = 0; i < CALLERS; i++) {
            answers.add(pool.submit(call::run));
        }
        int length = 0;
        for (Future<AiMessage> f : answers) {
            length += f.get().text().length();
        }
        batches.incrementAndGet();
        return length;
    }

    @TearDown(Level.Iteration)
    public void forgetMisses() {
        map.keySet().removeIf(k -> !k.equals(warmKey));
    }
}
