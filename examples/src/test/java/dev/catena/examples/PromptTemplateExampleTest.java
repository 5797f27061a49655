package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptTemplateExampleTest {

@Test
    void printsTheSeedPrompts() throws Exception {
        String out = ExampleRun.output(() -> PromptTemplateExample.main(new String[0]));
        assertThat(out).contains("prompt=\nExplain the concept of regularization in couple of lines\n")
                .contains("input variables: [concept]")
                .contains("prompt=请给我解释一下人工智能的意思\n")
                .contains("Answer as {\"answer\": \"42\"}")
                .contains("System: You are a patient teacher.\nHuman: Hi\nAI: Hello! What shall we learn?\nHuman: 请给我解释一下人工智能的意思")
                .contains("answer=人工智能是让机器模拟人类智能的技术。");
    }
}
