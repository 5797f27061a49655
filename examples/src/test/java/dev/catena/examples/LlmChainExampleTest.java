package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LlmChainExampleTest {

    @Test
    void runsTheSeedsLlmChainAndDemoChain() throws Exception {
        List<String> lines = ExampleRun.lines(() -> LlmChainExample.main(new String[0]));

        assertThat(lines.get(0)).isEqualTo("LlmChain.run(\"你好\"): “你好”是中文里最常用的问候语，用来向对方打招呼。");
        assertThat(lines.get(1)).isEqualTo("prompt sent: 请给我解释一下你好的意思");
        assertThat(lines.get(2)).isEqualTo("inputKeys=[concept] outputKeys=[text]");
        assertThat(lines).contains("query=天道酬勤  ->prompt=请给我解释一下天道酬勤的意思");
        assertThat(lines).anyMatch(l -> l.startsWith("chain DemoChain [") && l.endsWith("=> \"" + LlmChainExample.TIANDAO + "\""));
        assertThat(lines).anyMatch(l -> l.startsWith("  llm FakeLanguageModel ["));
        assertThat(lines.get(lines.size() - 1)).isEqualTo(LlmChainExample.TIANDAO);
    }
}
