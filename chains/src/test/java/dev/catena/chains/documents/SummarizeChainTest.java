package dev.catena.chains.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.chains.ChainValidationException;
import dev.catena.chains.RecordingTracer;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.models.FakeChatModel;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.catena.retrieval.splitters.SeparatorPreset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SummarizeChainTest {

    private static final String TEXT = "天道酬勤并不是鼓励人们不劳而获，而是提醒人们要遵循自然规律。\n"
            + "这种努力不仅仅是指身体上的劳动，也包括精神上的努力和思考。\n"
            + "只要一个人具备这些能力，他就有可能会获得成功。";

    private static List<Document> parts() {
        return RecursiveCharacterTextSplitter.builder().preset(SeparatorPreset.CHINESE).chunkSize(40).chunkOverlap(0).build()
                .splitDocuments(List.of(Document.of(TEXT)));
    }

    /** Answers each prompt with its first line of document text, and keeps the prompts. */
    private final List<String> prompts = Collections.synchronizedList(new ArrayList<>());
    private final ChatModel model = (request, config) -> {
        String prompt = request.messages().get(0).text();
        prompts.add(prompt);
        return AiMessage.of("summary#" + prompts.size());
    };

    @Test
    void stuffSummarisesEverythingInOneCall() {
        FakeChatModel fake = FakeChatModel.of("勤奋加上思考，终会成功。");
        Summary summary = SummarizeChain.builder(fake).language(PromptLanguage.CHINESE).build().summarize(parts());
        assertThat(summary.text()).isEqualTo("勤奋加上思考，终会成功。");
        assertThat(summary.summarized()).hasSize(parts().size());
        assertThat(fake.requests()).hasSize(1);
        assertThat(fake.requests().get(0).messages().get(0).text()).startsWith("请为以下内容写一段简洁的摘要").contains("只要一个人");
    }

    @Test
    void mapReduceSummarisesEachPartThenCombines() {
        List<Document> parts = parts();
        RecordingTracer tracer = new RecordingTracer();
        Summary summary = SummarizeChain.builder(model).strategy(CombineStrategy.MAP_REDUCE).maxConcurrency(1).build()
                .summarize(parts, RunConfig.builder().callbacks(tracer).build());

        assertThat(parts.size()).isGreaterThan(1);
        assertThat(summary.intermediate()).hasSize(parts.size());
        assertThat(tracer.endedNames().stream().filter("map"::equals)).hasSize(parts.size());
        String reduce = prompts.get(prompts.size() - 1);
        assertThat(reduce).startsWith("Write a concise summary of the following summaries");
        summary.intermediate().forEach(partial -> assertThat(reduce).contains(partial));
        assertThat(summary.text()).isEqualTo("summary#" + prompts.size());
    }

    @Test
    void refineCarriesTheSummaryThroughThePartsInOrder() {
        List<Document> parts = parts();
        Summary summary = SummarizeChain.builder(model).strategy(CombineStrategy.REFINE).build().summarize(parts);
        assertThat(prompts).hasSize(parts.size());
        for (int i = 1; i < parts.size(); i++) {
            assertThat(prompts.get(i)).contains("existing summary up to a certain point: summary#" + i)
                    .contains(parts.get(i).text());
        }
        assertThat(summary.text()).isEqualTo("summary#" + parts.size());
    }

    @Test
    void mapRerankCannotSummarise() {
        assertThatThrownBy(() -> SummarizeChain.builder(model).strategy(CombineStrategy.MAP_RERANK).build())
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("cannot summarise");
    }

    @Test
    void theMapFormTakesInputDocumentsAndTheSummaryStreams() {
        SummarizeChain chain = SummarizeChain.builder(FakeChatModel.of("Work pays.")).build();
        assertThat(chain.invoke(Map.of("input_documents", parts()))).containsEntry("output_text", "Work pays.");
        try (Stream<String> tokens = chain.streamSummary(parts(), RunConfig.defaults())) {
            assertThat(tokens.toList()).containsExactly("Work ", "pays.");
        }
        assertThat(chain.prompts()).containsEntry("stuff", SummarizePrompts.SUMMARIZE);
    }
}
