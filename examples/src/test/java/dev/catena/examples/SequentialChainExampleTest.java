package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequentialChainExampleTest {

    @Test
    void variablesFlowThroughTheStepsAndAMissingOneIsNamedAtBuildTime() throws Exception {
        List<String> lines = ExampleRun.lines(() -> SequentialChainExample.main(new String[0]));

        assertThat(lines).containsExactly(
                "synopsis: Two lovers meet at sunset on a Victorian beach and part at dawn.",
                "review: A tender, tidal play: see it.",
                "prompts: [1.LlmChain.prompt, 2.LlmChain.prompt]",
                "simple: Sunset Lovers",
                "build error: step 1 (LlmChain) needs the variable 'era', which no input or earlier step produces; "
                        + "available: [title]. Add it to inputKeys(...) or add a step that outputs it before this one");
    }
}
