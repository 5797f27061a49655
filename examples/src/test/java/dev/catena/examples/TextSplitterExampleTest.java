package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterExampleTest {

    @Test
    void printsSentenceAlignedChunksForTheSeedParagraph() throws Exception {
        List<String> lines = ExampleRun.lines(() -> TextSplitterExample.main(new String[0]));
        int chinese = lines.indexOf(lines.stream().filter(l -> l.startsWith("One line, Chinese preset")).findFirst().orElseThrow());
        int plain = lines.indexOf(lines.stream().filter(l -> l.startsWith("One line, default")).findFirst().orElseThrow());

        // Default separators on the seed text: the first three lines fit in 100 characters, the last is alone.
        assertThat(lines.subList(1, plain)).containsExactly(
                "  [start   0,  94 chars] 天道酬勤”并不是鼓励人们不劳而获，而是提醒人们要遵循自然规律，通过不断的努力和付出来追求自己的目标。"
                        + "\\n这种努力不仅仅是指身体上的劳动，\\n也包括精神上的努力和思考，以及学习和适应变化的能力。",
                "  [start  95,  23 chars] 只要一个人具备这些能力，他就有可能会获得成功。");
        // Without line breaks the default list can only cut mid-sentence at exactly 100 characters.
        assertThat(lines.get(plain + 1)).contains("100 chars").doesNotEndWith("。");
        // The Chinese preset ends every chunk at a sentence end.
        List<String> sentenceChunks = lines.subList(chinese + 1, lines.size());
        assertThat(sentenceChunks).hasSize(2).allSatisfy(l -> assertThat(l).endsWith("。"));
        assertThat(sentenceChunks.get(1)).startsWith("  [start  92,").endsWith("只要一个人具备这些能力，他就有可能会获得成功。");
    }
}
