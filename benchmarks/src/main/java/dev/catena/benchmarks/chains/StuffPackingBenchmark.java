package dev.catena.benchmarks.chains;

import dev.catena.chains.documents.Combination;
import dev.catena.chains.documents.StuffDocuments;
import dev.catena.chains.documents.TokenBudget;
import dev.catena.chains.qa.QaPrompts;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.TokenCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * The "stuff" strategy packing 10,000 ranked documents (English and Chinese sentences of 20 to 80
 * words or characters) into a prompt: the bare prompt is counted, documents are added in rank order
 * while their token counts fit, and the whole prompt is counted once more to confirm it fits. The
 * window decides how many documents are read: about 130 for 8k, 2,200 for 128k. {@code countOnly}
 * is the floor it is compared with: counting the same documents' tokens one by one until the
 * budget is spent, with no prompt and no check of the whole prompt.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StuffPackingBenchmark {

    @Param({"8192", "128000"})
    public int contextWindow;

    private final ChatModel model = (request, config) -> AiMessage.of("unused");
    private StuffDocuments stuff;
    private TokenBudget budget;
    private List<Document> ranked;

    @Setup
    public void setUp() {
        budget = TokenBudget.of(contextWindow, 1_024);
        stuff = new StuffDocuments(QaPrompts.STUFF, budget);
        SplittableRandom random = new SplittableRandom(42);
        String[] english = "the retriever ranks documents by similarity to the question and the chain packs them into a prompt"
                .split(" ");
        String chinese = "检索器按与问题的相似度给文档排序链把它们按顺序放进提示直到用完上下文窗口";
        ranked = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            int length = 20 + random.nextInt(61);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < length; w++) {
                if (i % 2 == 0) {
                    text.append(english[random.nextInt(english.length)]).append(' ');
                } else {
                    text.append(chinese.charAt(random.nextInt(chinese.length())));
                }
            }
            ranked.add(Document.of(text.toString().strip(), Map.of("rank", i)));
        }
    }

    @Benchmark
    public int countOnly() {
        TokenCounter counter = budget.counter();
        int room = budget.promptLimit();
        int used = 0;
        int kept = 0;
        for (Document document : ranked) {
            int cost = counter.count(document.text());
            if (used + cost > room) {
                break;
            }
            used += cost;
            kept++;
        }
        return kept;
    }

    @Benchmark
    public Combination pack() {
        return stuff.combine(model, Map.of("question", "How does the chain fill the context window?"), ranked, RunConfig.defaults());
    }
}
