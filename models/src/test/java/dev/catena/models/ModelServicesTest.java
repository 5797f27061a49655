package dev.catena.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.DeadlineExceededException;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.PromptValue;
import dev.catena.models.anthropic.AnthropicChatModel;
import dev.catena.models.openai.OpenAiChatModel;
import dev.catena.models.openai.OpenAiDialect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The small services around the clients: catalog, usage and cost, cache, rate limiter, environment. */
class ModelServicesTest {

    @Test
    void catalogMatchesSnapshotsAndRouterNamesByLongestPrefix() {
        assertThat(ModelCatalog.lookup("gpt-4o-mini-2024-07-18").orElseThrow().name()).isEqualTo("gpt-4o-mini");
        assertThat(ModelCatalog.lookup("openai/gpt-4o-2024-08-06").orElseThrow().name()).isEqualTo("gpt-4o");
        assertThat(ModelCatalog.lookup("gpt-4-0613").orElseThrow().contextWindow()).isEqualTo(8_192);
        assertThat(ModelCatalog.lookup("deepseek-reasoner").orElseThrow().maxOutputTokens()).isEqualTo(64_000);
        assertThat(ModelCatalog.lookup("claude-sonnet-4-20250514").orElseThrow().supportsVision()).isTrue();
        assertThat(ModelCatalog.lookup("o3-mini").orElseThrow().supportsVision()).isFalse();
        assertThat(ModelCatalog.lookup("gpt-4ozzz")).isEmpty();
        assertThat(ModelCatalog.lookup("my-finetune")).isEmpty();
        ModelCatalog.register(new ModelInfo("my-finetune", 4_096, 512, "cl100k_base", false, false, false));
        assertThat(ModelCatalog.lookup("my-finetune").orElseThrow().contextWindow()).isEqualTo(4_096);
    }

    @Test
    void usageTrackerSumsStreamedAndWholeCallsPerModelAndPricesThem() {
        UsageTracker tracker = new UsageTracker(Map.of("FakeChatModel", new ModelPrice(1.0, 2.0)));
        FakeChatModel model = FakeChatModel.ofMessages(
                new AiMessage("hi", List.of(), null, "stop", new TokenUsage(1_000, 500, 1_500)),
                new AiMessage("streamed reply", List.of(), null, "stop", new TokenUsage(2_000, 100, 2_100)));
        RunConfig config = RunConfig.builder().callbacks(tracker).build();

        model.chat(ChatRequest.of(ChatMessage.user("a")), config);
        try (Stream<AiMessage> s = model.stream(PromptValue.of("b"), config)) {
            s.forEach(chunk -> { });
        }

        assertThat(tracker.total()).isEqualTo(new TokenUsage(3_000, 600, 3_600));
        assertThat(tracker.calls()).containsEntry("FakeChatModel", 2);
        assertThat(tracker.totalCost()).isCloseTo((3_000 * 1.0 + 600 * 2.0) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void usageTrackerCountsUnderTheModelNamedInTheRunMetadata() {
        UsageTracker tracker = new UsageTracker(Map.of("gpt-4o-mini", new ModelPrice(0.15, 0.60)));
        RunInfo run = new RunInfo(UUID.randomUUID(), null, "OpenAiChatModel(gpt-4o-mini)", "chat_model", List.of(),
                Map.of(RunInfo.MODEL_NAME, "gpt-4o-mini", RunInfo.PROVIDER, "OpenAI"), Instant.now());
        tracker.onUsage(run, new TokenUsage(1_000_000, 0, 1_000_000));

        assertThat(tracker.calls()).containsOnly(Map.entry("gpt-4o-mini", 1));
        assertThat(tracker.cost("gpt-4o-mini")).isEqualTo(0.15);
        // the clients report their model there
        assertThat(OpenAiChatModel.builder().apiKey("sk-x").model("gpt-4.1-mini").build().runMetadata())
                .containsEntry(RunInfo.MODEL_NAME, "gpt-4.1-mini").containsEntry(RunInfo.PROVIDER, "OpenAI");
        assertThat(AnthropicChatModel.builder().apiKey("sk-ant-x").model("claude-haiku-4-5").build().runMetadata())
                .containsEntry(RunInfo.MODEL_NAME, "claude-haiku-4-5").containsEntry(RunInfo.PROVIDER, "Anthropic");
    }

    @Test
    void cacheKeyNamesTheModelItsSettingsAndTheRequestButNeverTheKey() {
        ChatRequest request = ChatRequest.of(ChatMessage.user("What is Catena?"));
        InMemoryCache cache = new InMemoryCache();
        CachedChatModel cool = CachedChatModel.of(OpenAiChatModel.builder().apiKey("sk-secret-1").temperature(0).build(), cache);
        CachedChatModel coolOtherKey = CachedChatModel.of(OpenAiChatModel.builder().apiKey("sk-secret-2").temperature(0).build(), cache);
        CachedChatModel warm = CachedChatModel.of(OpenAiChatModel.builder().apiKey("sk-secret-1").temperature(0.9).build(), cache);

        assertThat(cool.key(request)).as("same model and settings share answers").isEqualTo(coolOtherKey.key(request))
                .isNotEqualTo(warm.key(request))
                .isNotEqualTo(cool.key(ChatRequest.of(ChatMessage.user("Something else"))))
                .contains("gpt-4o-mini", "\"ls_temperature\":0.0", "What is Catena?")
                .doesNotContain("sk-secret");
        assertThat(CachedChatModel.of(OpenAiChatModel.builder().apiKey("sk-x").dialect(OpenAiDialect.QWEN)
                .build(), cache).key(request)).as("another provider, another answer").isNotEqualTo(cool.key(request));
    }

    @Test
    void cacheAnswersTheSameRequestOnceAndKeysOnTheMessages() {
        FakeChatModel fake = FakeChatModel.of("first", "second", "third");
        InMemoryCache cache = new InMemoryCache();
        ChatModel cached = CachedChatModel.of(fake, cache);

        assertThat(cached.chat("What is Catena?")).isEqualTo("first");
        AiMessage hit = cached.chat(ChatRequest.of(ChatMessage.user("What is Catena?")));
        assertThat(hit.text()).isEqualTo("first");
        assertThat(hit.usage()).as("a cache hit spends no tokens").isEmpty();
        assertThat(cached.chat("Something else")).isEqualTo("second");
        assertThat(fake.requests()).hasSize(2);
        assertThat(cache.hits()).isEqualTo(1);

        // a finished stream is stored; a cached answer streams as one chunk
        List<AiMessage> streamed;
        try (Stream<AiMessage> s = cached.stream(PromptValue.of("stream me"))) {
            streamed = s.toList();
        }
        assertThat(streamed.stream().map(AiMessage::text).reduce("", String::concat)).isEqualTo("third");
        assertThat(cached.stream(PromptValue.of("stream me")).toList()).extracting(AiMessage::text).containsExactly("third");
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void cacheStaysWithinItsSizeAndCachesLanguageModels() {
        InMemoryCache cache = InMemoryCache.builder().maximumSize(10).ticker(() -> 0).build();
        for (int i = 0; i < 100; i++) {
            cache.update("k" + i, "v" + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
        assertThat(cache.stats().evictionCount()).isGreaterThanOrEqualTo(90);

        FakeLanguageModel llm = FakeLanguageModel.of("x", "y");
        CachedLanguageModel cachedLlm = CachedLanguageModel.of(llm, new InMemoryCache());
        assertThat(List.of(cachedLlm.generate("p"), cachedLlm.generate("p"), cachedLlm.generate("q"))).containsExactly("x", "x", "y");
    }

    @Test
    void rateLimiterWaitsForRequestsAndTokensOnAFakeClock() {
        AtomicLong now = new AtomicLong();
        List<Long> waits = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(2, 1_000, now::get, nanos -> {
            waits.add(nanos);
            now.addAndGet(nanos);
        });
        limiter.acquire(100);
        limiter.acquire(100);
        assertThat(waits).isEmpty();
        limiter.acquire(100); // the third request in a minute waits half a minute for a request slot
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(TimeUnit.SECONDS.toNanos(29), TimeUnit.SECONDS.toNanos(31));
        waits.clear();
        limiter.acquire(5_000); // more tokens than a minute holds: waits for a full bucket, not forever
        assertThat(waits).isNotEmpty();
    }

    @Test
    void rateLimiterGivesUpAtTheDeadline() {
        RateLimiter limiter = RateLimiter.requestsPerMinute(1);
        limiter.acquire(0);
        RunConfig soon = RunConfig.builder().timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> limiter.acquire(0, soon)).isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("rate limiter");
    }

    @Test
    void environmentPicksOpenAiAnthropicOrTheOfflineModel() {
        ChatModel openAi = ChatModels.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-x", "OPENAI_MODEL", "gpt-4.1-mini"));
        assertThat(openAi).isInstanceOf(OpenAiChatModel.class);
        assertThat(ChatModels.describe(openAi)).isEqualTo("gpt-4.1-mini via OpenAI");

        ChatModel ollama = ChatModels.fromEnvironment(Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1", "OPENAI_MODEL", "llama3.2"));
        assertThat(ChatModels.describe(ollama)).isEqualTo("llama3.2 via OpenAI-compatible server");

        ChatModel claude = ChatModels.fromEnvironment(Map.of("ANTHROPIC_API_KEY", "sk-ant-x"));
        assertThat(claude).isInstanceOf(AnthropicChatModel.class);

        assertThat(ChatModels.findInEnvironment(Map.of())).isEmpty();
        ChatModel offline = ChatModels.findInEnvironment(Map.of()).orElseGet(ChatModels::offline);
        assertThat(ChatModels.describe(offline)).contains("offline FakeChatModel");
        assertThat(offline.chat("What is Catena?")).startsWith("Catena is a Java library");
    }

    @Test
    void optionSettersRefuseNullInsteadOfTakingItAsUnset() {
        assertThatThrownBy(() -> OpenAiChatModel.builder().user(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("user");
        assertThatThrownBy(() -> OpenAiChatModel.builder().reasoningEffort(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> OpenAiChatModel.builder().organization(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> OpenAiChatModel.builder().baseUrl(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> OpenAiChatModel.builder().rateLimiter(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("noRateLimiter()");
        assertThatThrownBy(() -> AnthropicChatModel.builder().apiKey(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment variable");
        assertThat(OpenAiChatModel.builder().apiKey("sk-x").rateLimiter(RateLimiter.requestsPerMinute(10)).noRateLimiter()
                .build()).isNotNull();
    }

    @Test
    void withoutAKeyFromEnvironmentThrowsNamingTheVariablesInsteadOfReturningAFake() {
        assertThatThrownBy(() -> ChatModels.fromEnvironment(Map.of("OPENAI_API_KEY", " ", "PATH", "/bin")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENAI_API_KEY").hasMessageContaining("OPENAI_BASE_URL")
                .hasMessageContaining("ANTHROPIC_API_KEY").hasMessageContaining("ChatModels.offline()");
    }

    @Test
    void eightConcurrentIdenticalRequestsMakeOneModelCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(8);
        ChatModel slow = new ChatModel() {
            @Override
            public AiMessage generate(ChatRequest request, RunConfig config) {
                calls.incrementAndGet();
                try {
                    allAsking.await(5, TimeUnit.SECONDS); // answer only once every caller has asked
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new AiMessage("Paris.", List.of(), null, "stop", TokenUsage.of(10, 2));
            }
        };
        InMemoryCache cache = new InMemoryCache();
        ChatModel cached = CachedChatModel.of(slow, cache);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<AiMessage>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    allAsking.countDown();
                    return cached.generate(ChatRequest.of(ChatMessage.user("Capital of France?")), RunConfig.defaults());
                }));
            }
            List<AiMessage> replies = new ArrayList<>();
            for (Future<AiMessage> f : answers) {
                replies.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(replies).extracting(AiMessage::text).containsOnly("Paris.");
            assertThat(calls.get()).as("model calls for 8 concurrent identical requests").isEqualTo(1);
            assertThat(replies).filteredOn(r -> r.usage().isPresent()).as("only the caller that paid reports usage").hasSize(1);
            assertThat(cache.stats().missCount()).isEqualTo(1);
            assertThat(cache.stats().hitCount()).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedCallIsNotCachedAndAnswersExpireAfterTheirTime() {
        AtomicLong nanos = new AtomicLong();
        InMemoryCache cache = InMemoryCache.builder().expireAfterWrite(Duration.ofMinutes(10)).ticker(nanos::get).build();
        assertThatThrownBy(() -> cache.getOrCompute("k", String.class, () -> {
            throw new IllegalStateException("provider down");
        })).hasMessage("provider down");
        assertThat(cache.getOrCompute("k", String.class, () -> "fresh")).isEqualTo("fresh");
        assertThat(cache.getOrCompute("k", String.class, () -> "again")).isEqualTo("fresh");

        nanos.addAndGet(Duration.ofMinutes(11).toNanos());
        assertThat(cache.lookup("k", String.class)).as("expired").isEmpty();
        assertThat(cache.getOrCompute("k", String.class, () -> "new")).isEqualTo("new");
        assertThatThrownBy(() -> InMemoryCache.builder().expireAfterWrite(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankModelVariableFallsBackToTheDefaultModel() {
        // "OPENAI_MODEL=" in a .env file sets the variable to nothing; that must not send an empty model name
        ChatModel openAi = ChatModels.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-x", "OPENAI_MODEL", " "));
        assertThat(ChatModels.describe(openAi)).isEqualTo("gpt-4o-mini via OpenAI");

        ChatModel claude = ChatModels.fromEnvironment(Map.of("ANTHROPIC_API_KEY", "sk-ant-x", "ANTHROPIC_MODEL", ""));
        assertThat(ChatModels.describe(claude)).isEqualTo("claude-haiku-4-5 via Anthropic");
    }
}
