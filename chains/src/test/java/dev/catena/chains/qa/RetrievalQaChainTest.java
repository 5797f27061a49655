package dev.catena.chains.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.chains.ChainValidationException;
import dev.catena.chains.RecordingTracer;
import dev.catena.chains.documents.CombineStrategy;
import dev.catena.chains.documents.PromptLanguage;
import dev.catena.chains.documents.TokenBudget;
import dev.catena.core.OutputParserException;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.TokenCounter;
import dev.catena.models.FakeChatModel;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.prompts.PromptTemplate;
import dev.catena.retrieval.retrievers.VectorStoreRetriever;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RetrievalQaChainTest {

    private static final TokenCounter COUNTER = TokenCounter.of("cl100k_base");

    /** A chat model answering each prompt with a function of its text, keeping every prompt. */
    static final class PromptFunctionModel implements ChatModel {
        final List<String> prompts = Collections.synchronizedList(new ArrayList<>());
        private final Function<String, String> reply;

        PromptFunctionModel(Function<String, String> reply) {
            this.reply = reply;
        }

        @Override
        public AiMessage generate(ChatRequest request, RunConfig config) {
            String prompt = request.messages().get(request.messages().size() - 1).text();
            prompts.add(prompt);
            return AiMessage.of(reply.apply(prompt));
        }

        @Override
        public String name() {
            return "PromptFunctionModel";
        }
    }

    private static Retriever fixed(List<Document> documents) {
        return new Retriever() {
            @Override
            public List<Document> call(String query, RunConfig config) {
                return documents;
            }

            @Override
            public String name() {
                return "FixedRetriever";
            }
        };
    }

    private static List<Document> numbered(int count, String text) {
        return IntStream.range(0, count).mapToObj(i -> Document.of(text + " " + i, Map.of("source", "doc" + i))).toList();
    }

    @Test
    void stuffAnswersFromAVectorStoreAndTracesRetrievalCombineAndModel() {
        InMemoryVectorStore store = InMemoryVectorStore.create(new HashingEmbeddingModel());
        store.addDocuments(List.of(
                Document.of("A chain runs a prompt, a model and a parser together.", Map.of("source", "chains.md")),
                Document.of("Reset your password in the settings page.", Map.of("source", "account.md"))));
        FakeChatModel model = FakeChatModel.of("A chain runs a prompt, a model and a parser together.");
        RetrievalQaChain qa = RetrievalQaChain.builder(VectorStoreRetriever.similarity(store, 1), model).build();
        RecordingTracer tracer = new RecordingTracer();

        QaResult result = qa.ask("What does a chain run?", RunConfig.builder().callbacks(tracer).build());

        assertThat(result.answer()).isEqualTo("A chain runs a prompt, a model and a parser together.");
        assertThat(result.sourceDocuments()).extracting(d -> d.metadata().get("source")).containsExactly("chains.md");
        assertThat(result.droppedDocuments()).isEmpty();
        String sent = model.requests().get(0).messages().get(0).text();
        assertThat(sent).isEqualTo(QaPrompts.STUFF.format(Map.of("context",
                "A chain runs a prompt, a model and a parser together.", "question", "What does a chain run?")));
        assertThat(tracer.endedNames()).containsSubsequence("VectorStoreRetriever", "PromptTemplate", "stuff",
                "FakeChatModel", "RetrievalQaChain");
        assertThat(tracer.parentName(tracer.one("VectorStoreRetriever").run())).isEqualTo("RetrievalQaChain");
        assertThat(tracer.parentName(tracer.one("FakeChatModel").run())).isEqualTo("RetrievalQaChain");
        assertThat(qa.invoke(Map.of("question", "What does a chain run?")))
                .containsOnlyKeys("answer", "source_documents", "dropped_documents");
    }

    @Test
    void stuffDropsTheLowestRankedDocumentsThatDoNotFitAndListsThem() {
        List<Document> docs = numbered(40, "The retrieval step finds documents about vector search and ranking");
        TokenBudget budget = TokenBudget.of(600, 100);
        FakeChatModel model = FakeChatModel.of("answer");
        RetrievalQaChain qa = RetrievalQaChain.builder(fixed(docs), model).budget(budget).build();

        QaResult result = qa.ask("What does retrieval find?");

        int kept = result.sourceDocuments().size();
        assertThat(kept).isBetween(1, 39);
        assertThat(result.sourceDocuments()).isEqualTo(docs.subList(0, kept));
        assertThat(result.droppedDocuments()).isEqualTo(docs.subList(kept, 40));
        // The prompt sent fits the window minus the answer reserve; one more document would not.
        List<ChatMessage> sent = model.requests().get(0).messages();
        assertThat(COUNTER.count(sent)).isLessThanOrEqualTo(600 - 100);
        String withOneMore = QaPrompts.STUFF.format(Map.of("question", "What does retrieval find?", "context",
                String.join("\n\n", docs.subList(0, kept + 1).stream().map(Document::text).toList())));
        assertThat(COUNTER.count(List.of(ChatMessage.user(withOneMore)))).isGreaterThan(600 - 100);
    }

    @Test
    void stuffFailsClearlyWhenThePromptAloneExceedsTheWindow() {
        RetrievalQaChain qa = RetrievalQaChain.builder(fixed(numbered(1, "x")), FakeChatModel.of("a"))
                .budget(TokenBudget.of(60, 10)).build();
        assertThatThrownBy(() -> qa.ask("q"))
                .isInstanceOf(dev.catena.chains.documents.ContextWindowExceededException.class)
                .hasMessageContaining("the prompt and question alone take").hasMessageContaining("context window 60");
    }

    @Test
    void mapReduceCollapsesMappedAnswersThatDoNotFitTheReducePrompt() {
        String longAnswer = "relevant fact ".repeat(60).strip();
        PromptFunctionModel model = new PromptFunctionModel(prompt -> {
            if (prompt.startsWith("Use the following portion")) {
                return longAnswer;
            }
            if (prompt.startsWith("Shorten")) {
                return "short";
            }
            return "final answer";
        });
        RetrievalQaChain qa = RetrievalQaChain.builder(fixed(numbered(6, "document")), model)
                .strategy(CombineStrategy.MAP_REDUCE).budget(TokenBudget.of(700, 100)).maxConcurrency(2).build();
        RecordingTracer tracer = new RecordingTracer();

        QaResult result = qa.ask("what?", RunConfig.builder().callbacks(tracer).build());

        assertThat(result.answer()).isEqualTo("final answer");
        assertThat(tracer.endedNames().stream().filter("map"::equals)).hasSize(6);
        long collapses = tracer.endedNames().stream().filter("collapse"::equals).count();
        assertThat(collapses).isBetween(2L, 5L); // six ~120-token answers cannot share one 600-token prompt
        String reduce = model.prompts.get(model.prompts.size() - 1);
        assertThat(reduce).startsWith("Given the following extracted parts").contains("short").doesNotContain("relevant fact");
        assertThat(tracer.parentName(tracer.one("collapse").run())).isEqualTo("map_reduce");
    }

    @Test
    void mapReduceRunsAtMostMaxConcurrencyMapCallsAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        PromptFunctionModel model = new PromptFunctionModel(prompt -> {
            int now = running.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return "a";
        });
        RetrievalQaChain.builder(fixed(numbered(8, "d")), model).strategy(CombineStrategy.MAP_REDUCE).maxConcurrency(2)
                .build().ask("q");
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void refineGoesThroughTheDocumentsInRankOrder() {
        PromptFunctionModel model = new PromptFunctionModel(prompt -> {
            String doc = prompt.replaceAll("(?s).*(fact \\d).*", "$1");
            return prompt.startsWith("Context information") ? "from " + doc
                    : prompt.replaceAll("(?s).*existing answer: (.*?)\n.*", "$1") + " + " + doc;
        });
        RetrievalQaChain qa = RetrievalQaChain.builder(fixed(numbered(3, "fact").stream()
                        .map(d -> d.withText(d.text().replace("fact ", "fact "))).toList()), model)
                .strategy(CombineStrategy.REFINE).build();
        RecordingTracer tracer = new RecordingTracer();

        QaResult result = qa.ask("q", RunConfig.builder().callbacks(tracer).build());

        assertThat(result.answer()).isEqualTo("from fact 0 + fact 1 + fact 2");
        assertThat(tracer.endedNames()).containsSubsequence("refine_initial", "refine", "refine");
    }

    @Test
    void mapRerankPicksTheBestScoreAndBreaksTiesByRank() {
        Map<String, String> replies = Map.of("d 0", "first\nScore: 40", "d 1", "second\nScore: 90",
                "d 2", "third\nScore: 90", "d 3", "fourth\nScore: 10");
        PromptFunctionModel model = new PromptFunctionModel(prompt -> replies.entrySet().stream()
                .filter(e -> prompt.contains(e.getKey())).findFirst().orElseThrow().getValue());
        List<Document> docs = numbered(4, "d");
        RetrievalQaChain qa = RetrievalQaChain.builder(fixed(docs), model).strategy(CombineStrategy.MAP_RERANK).build();

        QaResult result = qa.ask("q");

        assertThat(result.answer()).isEqualTo("second");
        assertThat(result.sourceDocuments()).containsExactly(docs.get(1));
    }

    @Test
    void mapRerankRefusesAReplyWithoutAStrictScoreLine() {
        assertThatThrownBy(() -> RetrievalQaChain.builder(fixed(numbered(1, "d")), FakeChatModel.of("an answer, score 80"))
                .strategy(CombineStrategy.MAP_RERANK).build().ask("q"))
                .isInstanceOf(OutputParserException.class).hasMessageContaining("does not end with a score line");
        assertThatThrownBy(() -> dev.catena.chains.documents.MapRerankDocuments.parse("answer\nScore: 150"))
                .isInstanceOf(OutputParserException.class).hasMessageContaining("above 100");
        assertThatThrownBy(() -> dev.catena.chains.documents.MapRerankDocuments.parse("answer\nScore: high"))
                .isInstanceOf(OutputParserException.class);
        assertThat(dev.catena.chains.documents.MapRerankDocuments.parse("It is blue.\nScore: 7").score()).isEqualTo(7);
    }

    @Test
    void chinesePromptsAndReplacedPromptsAreWhatIsSentAndListed() {
        FakeChatModel model = FakeChatModel.of("链把组件组合在一起。");
        RetrievalQaChain zh = RetrievalQaChain.builder(fixed(numbered(1, "链")), model).language(PromptLanguage.CHINESE).build();
        zh.ask("什么是链？");
        assertThat(model.requests().get(0).messages().get(0).text()).startsWith("请根据以下已知内容").contains("问题：什么是链？");
        assertThat(zh.prompts()).containsEntry("stuff", QaPrompts.STUFF_ZH);

        PromptTemplate mine = PromptTemplate.fromTemplate("Docs: {context}\nQ: {question}\nA:");
        RetrievalQaChain custom = RetrievalQaChain.builder(fixed(numbered(1, "x")), model).prompt("stuff", mine).build();
        assertThat(custom.prompts()).containsEntry("stuff", mine);

        assertThatThrownBy(() -> RetrievalQaChain.builder(fixed(List.of()), model).prompt("reduce", mine).build())
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("no prompt named 'reduce'")
                .hasMessageContaining("[stuff]");
        assertThatThrownBy(() -> RetrievalQaChain.builder(fixed(List.of()), model)
                .prompt("stuff", PromptTemplate.fromTemplate("{question}")).build())
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("{context}");
    }

    @Test
    void streamAnswerYieldsTheFinalAnswerTokenByToken() {
        FakeChatModel model = FakeChatModel.of("Chains compose components.");
        RetrievalQaChain qa = RetrievalQaChain.builder(fixed(numbered(2, "doc")), model).build();
        RecordingTracer tracer = new RecordingTracer();
        try (Stream<String> tokens = qa.streamAnswer("q", RunConfig.builder().callbacks(tracer).build())) {
            assertThat(tokens.toList()).containsExactly("Chains ", "compose ", "components.");
        }
        assertThat(tracer.one("RetrievalQaChain").output()).isEqualTo("Chains compose components.");
    }

    @Test
    void closingTheAnswerStreamCancelsTheModelCall() {
        AtomicBoolean closed = new AtomicBoolean();
        AtomicInteger produced = new AtomicInteger();
        ChatModel endless = new ChatModel() {
            @Override
            public AiMessage generate(ChatRequest request, RunConfig config) {
                throw new AssertionError("the chain must stream");
            }

            @Override
            public Stream<AiMessage> generateStream(ChatRequest request, RunConfig config) {
                return Stream.generate(() -> AiMessage.of("token" + produced.incrementAndGet() + " "))
                        .onClose(() -> closed.set(true));
            }
        };
        RetrievalQaChain qa = RetrievalQaChain.builder(fixed(numbered(1, "doc")), endless).build();
        RecordingTracer tracer = new RecordingTracer();

        try (Stream<String> tokens = qa.streamAnswer("q", RunConfig.builder().callbacks(tracer).build())) {
            Iterator<String> it = tokens.iterator();
            assertThat(it.next()).isEqualTo("token1 ");
            assertThat(it.next()).isEqualTo("token2 ");
        }

        assertThat(closed).isTrue();
        assertThat(produced.get()).isLessThanOrEqualTo(3);
        assertThat(tracer.failed()).extracting(r -> r.name()).contains("RetrievalQaChain");
    }
}
