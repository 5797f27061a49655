package dev.catena.examples;

import dev.catena.core.documents.Document;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.catena.retrieval.splitters.SeparatorPreset;
import dev.catena.retrieval.splitters.TextSplitter;
import java.util.List;
import java.util.Map;

/**
 * Splits the seed document's 天道酬勤 paragraph into chunks of at most 100 characters, first with
 * LangChain's default separators (as the seed's Python does), then with the Chinese preset on the
 * same paragraph written as one line, where only punctuation can guide the cuts.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.TextSplitterExample
 * }</pre>
 */
public final class TextSplitterExample {

    /** The paragraph from the seed's text-splitting snippet, with its three line breaks. */
    static final String PARAGRAPH = "天道酬勤”并不是鼓励人们不劳而获，而是提醒人们要遵循自然规律，通过不断的努力和付出来追求自己的目标。\n"
            + "这种努力不仅仅是指身体上的劳动，\n"
            + "也包括精神上的努力和思考，以及学习和适应变化的能力。\n"
            + "只要一个人具备这些能力，他就有可能会获得成功。";

    private TextSplitterExample() {
    }

    public static void main(String[] args) {
        TextSplitter seedSplitter = RecursiveCharacterTextSplitter.builder()
                .chunkSize(100).chunkOverlap(0).addStartIndex(true).build();
        print("Default separators (\\n\\n, \\n, space, characters):",
                seedSplitter.createDocuments(List.of(PARAGRAPH), List.of(Map.of("source", "seed"))));

        String oneLine = PARAGRAPH.replace("\n", "");
        TextSplitter plain = RecursiveCharacterTextSplitter.builder().chunkSize(100).chunkOverlap(0).addStartIndex(true).build();
        print("One line, default separators (no break found, cut at 100 characters):",
                plain.createDocuments(List.of(oneLine), null));

        TextSplitter chinese = RecursiveCharacterTextSplitter.builder().preset(SeparatorPreset.CHINESE)
                .chunkSize(100).chunkOverlap(0).addStartIndex(true).build();
        print("One line, Chinese preset (cuts after 。！？； then ，、):", chinese.createDocuments(List.of(oneLine), null));
    }

    private static void print(String title, List<Document> chunks) {
        System.out.println(title);
        for (Document chunk : chunks) {
            String text = chunk.text();
            System.out.printf("  [start %3d, %3d chars] %s%n", (Integer) chunk.metadata().get("start_index"),
                    text.codePointCount(0, text.length()), text.replace("\n", "\\n"));
        }
    }
}
