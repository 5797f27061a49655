package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummarizeExampleTest {

    @Test
    void summarisesTheSeedParagraphThreeWays() throws Exception {
        List<String> lines = ExampleRun.lines(() -> SummarizeExample.main(new String[0]));

        assertThat(lines).containsExactly(
                "Parts: 3",
                "stuff: 天道酬勤：遵循规律、持续努力，终有回报。",
                "map_reduce parts: [要遵循规律去努力。, 努力包括身体和精神。, 具备这些能力就可能成功。]",
                "map_reduce: 顺应规律、身心并用地努力，就可能成功。",
                "refine steps: [要遵循规律去努力。, 要遵循规律，身心并用地努力。]",
                "refine: 遵循规律、身心并用地努力，就可能成功。",
                "last refine prompt starts: 你的任务是写出最终摘要。");
    }
}
