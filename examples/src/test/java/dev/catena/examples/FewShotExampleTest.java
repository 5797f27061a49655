package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FewShotExampleTest {

    @Test
    void printsEachFewShotPrompt() throws Exception {
        String out = ExampleRun.output(() -> FewShotExample.main(new String[0]));
        String[] sections = out.split("----\n");
        assertThat(sections).hasSize(4);
        assertThat(sections[0]).isEqualTo("Give the antonym of every input\n\nInput: happy\nOutput: sad\n\n"
                + "Input: tall\nOutput: short\n\nInput: sunny\nOutput: gloomy\n\nInput: big\nOutput:\n");
        // 12 words - 1 for the input = 11: two 4-word examples fit, the third does not
        assertThat(sections[1]).isEqualTo("Input: happy\nOutput: sad\n\nInput: tall\nOutput: short\n\nInput: big\nOutput:\n");
        assertThat(sections[2]).isEqualTo("Q: What is the capital of France?\nA: Paris\n\nQ: What is the capital of Italy?\nA:\n");
        assertThat(sections[3]).isEqualTo("System: You are a wondrous wizard of math.\nHuman: 2+2\nAI: 4\nHuman: 2+3\nAI: 5\n"
                + "Human: What is 4+4?\n");
    }
}
