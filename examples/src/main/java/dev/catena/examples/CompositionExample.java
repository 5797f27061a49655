package dev.catena.examples;

import dev.catena.core.components.Component;
import dev.catena.core.components.RetryPolicy;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.LanguageModel;
import dev.catena.models.FakeLanguageModel;
import dev.catena.prompts.PromptTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Components and chains, the seed document's first concept: the section 8.3 chain (a prompt
 * template and a text model, run with "天道酬勤"), then the composition tools every component
 * shares: batch with bounded concurrency, parallel branches, assign, retry and fallbacks, and
 * streaming through the whole chain. Offline: the model answers from a script.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.CompositionExample
 * }</pre>
 */
public final class CompositionExample {

    private CompositionExample() {
    }

    public static void main(String[] args) {
        PromptTemplate prompt = PromptTemplate.fromTemplate("请给我解释一下{concept}的意思");
        LanguageModel llm = FakeLanguageModel.of(
                "天道酬勤是指上天会酬报勤奋的人：只要坚持不懈地努力，就会得到回报。");

        // The seed's chain: prompt | llm, run with one query.
        Component<Map<String, Object>, String> chain = prompt.pipe(llm);
        System.out.println("query=天道酬勤  ->prompt=" + prompt.format(Map.of("concept", "天道酬勤")));
        System.out.println(chain.invoke(Map.of("concept", "天道酬勤")));

        // batch: many inputs, at most 2 at once, results in input order.
        Component<String, Integer> length = Component.of("length", String::length);
        System.out.println("batch=" + length.batch(List.of("a", "bb", "ccc"), RunConfig.builder().maxConcurrency(2).build()));

        // parallel branches on one input, and assign: keep the input and add computed keys.
        Component<String, Map<String, Object>> both = Component.parallel(Map.of(
                "upper", Component.of(String::toUpperCase),
                "length", length));
        System.out.println("parallel=" + new java.util.TreeMap<>(both.invoke("catena")));
        Component<Map<String, Object>, Map<String, Object>> withPrompt =
                Component.assign(Map.of("prompt", prompt.pipe(p -> p.toText())));
        System.out.println("assign=" + withPrompt.invoke(Map.of("concept", "勤能补拙")));

        // retry: a flaky step succeeds on the third attempt; fallbacks: a broken step hands over.
        AtomicInteger attempts = new AtomicInteger();
        Component<String, String> flaky = Component.of("flaky", s -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("temporary failure " + attempts.get());
            }
            return s + " after " + attempts.get() + " attempts";
        });
        RetryPolicy quick = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10)).build();
        System.out.println("retry=" + flaky.withRetry(quick).invoke("done"));
        Component<String, String> broken = Component.of("broken", s -> {
            throw new IllegalStateException("down");
        });
        System.out.println("fallback=" + broken.withFallbacks(Component.of(s -> "backup answered " + s)).invoke("hello"));

        // stream: chunks flow through prompt | llm as the model produces them.
        System.out.print("stream=");
        try (var chunks = chain.stream(Map.of("concept", "天道酬勤"))) {
            chunks.forEach(chunk -> System.out.print(chunk + "|"));
        }
        System.out.println();
    }
}
