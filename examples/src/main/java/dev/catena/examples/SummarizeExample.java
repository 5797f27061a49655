package dev.catena.examples;

import dev.catena.chains.documents.CombineStrategy;
import dev.catena.chains.documents.PromptLanguage;
import dev.catena.chains.documents.Summary;
import dev.catena.chains.documents.SummarizeChain;
import dev.catena.core.documents.Document;
import dev.catena.models.FakeChatModel;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.catena.retrieval.splitters.SeparatorPreset;
import java.util.List;

/**
 * Summarises the seed's 天道酬勤 paragraph, split with the Chinese preset, three ways: stuff (one
 * call), map-reduce (one call per part, then one to combine) and refine (the summary carried through
 * the parts in order), with the Chinese default prompts. The model answers from a script, offline.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.SummarizeExample
 * }</pre>
 */
public final class SummarizeExample {

    private SummarizeExample() {
    }

    public static void main(String[] args) {
        List<Document> parts = RecursiveCharacterTextSplitter.builder().preset(SeparatorPreset.CHINESE)
                .chunkSize(60).chunkOverlap(0).build()
                .splitDocuments(List.of(Document.of(TextSplitterExample.PARAGRAPH)));
        System.out.println("Parts: " + parts.size());

        Summary stuff = SummarizeChain.builder(FakeChatModel.of("天道酬勤：遵循规律、持续努力，终有回报。"))
                .language(PromptLanguage.CHINESE).build().summarize(parts);
        System.out.println("stuff: " + stuff.text());

        FakeChatModel mapModel = FakeChatModel.of("要遵循规律去努力。", "努力包括身体和精神。", "具备这些能力就可能成功。",
                "顺应规律、身心并用地努力，就可能成功。");
        Summary mapReduce = SummarizeChain.builder(mapModel).strategy(CombineStrategy.MAP_REDUCE)
                .language(PromptLanguage.CHINESE).maxConcurrency(1).build().summarize(parts);
        System.out.println("map_reduce parts: " + mapReduce.intermediate());
        System.out.println("map_reduce: " + mapReduce.text());

        FakeChatModel refineModel = FakeChatModel.of("要遵循规律去努力。", "要遵循规律，身心并用地努力。",
                "遵循规律、身心并用地努力，就可能成功。");
        Summary refine = SummarizeChain.builder(refineModel).strategy(CombineStrategy.REFINE)
                .language(PromptLanguage.CHINESE).build().summarize(parts);
        System.out.println("refine steps: " + refine.intermediate());
        System.out.println("refine: " + refine.text());
        System.out.println("last refine prompt starts: " + refineModel.requests().get(refineModel.requests().size() - 1)
                .messages().get(0).text().lines().findFirst().orElse(""));
    }
}
