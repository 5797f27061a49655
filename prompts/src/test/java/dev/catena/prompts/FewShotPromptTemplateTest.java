package dev.catena.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.UserMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FewShotPromptTemplateTest {

    private static final List<Map<String, String>> EXAMPLES = List.of(
            Map.of("word", "happy", "antonym", "sad"),
            Map.of("word", "tall", "antonym", "short"));
    private static final PromptTemplate EXAMPLE_PROMPT = PromptTemplate.fromTemplate("Word: {word}\nAntonym: {antonym}");

    @Test
    void joinsPrefixExamplesAndSuffixWithTheSeparator() {
        FewShotPromptTemplate p = FewShotPromptTemplate.builder()
                .examples(EXAMPLES).examplePrompt(EXAMPLE_PROMPT)
                .prefix("Give the antonym of every {kind}")
                .suffix("Word: {input}\nAntonym:")
                .build();
        assertThat(p.inputVariables()).containsExactly("input", "kind");
        assertThat(p.format(Map.of("input", "big", "kind", "input"))).isEqualTo(
                "Give the antonym of every input\n\nWord: happy\nAntonym: sad\n\nWord: tall\nAntonym: short\n\nWord: big\nAntonym:");
    }

    @Test
    void emptyPrefixIsLeftOutAndSeparatorIsConfigurable() {
        FewShotPromptTemplate p = FewShotPromptTemplate.builder()
                .examples(EXAMPLES).examplePrompt(PromptTemplate.fromTemplate("{word}->{antonym}"))
                .suffix("{input}->").exampleSeparator("\n").build();
        assertThat(p.format(Map.of("input", "big"))).isEqualTo("happy->sad\ntall->short\nbig->");
    }

    @Test
    void bracesInExampleValuesStayAsTheyAre() {
        FewShotPromptTemplate p = FewShotPromptTemplate.builder()
                .examples(List.of(Map.of("word", "{json}", "antonym", "}{")))
                .examplePrompt(EXAMPLE_PROMPT).suffix("Word: {input}").build();
        assertThat(p.format(Map.of("input", "x"))).isEqualTo("Word: {json}\nAntonym: }{\n\nWord: x");
    }

    @Test
    void selectorGetsTheInputAndExactlyOneSourceIsRequired() {
        FewShotPromptTemplate p = FewShotPromptTemplate.builder()
                .exampleSelector(vars -> vars.get("input").equals("big") ? List.of(Map.of("word", "small", "antonym", "big")) : List.of())
                .examplePrompt(EXAMPLE_PROMPT).suffix("Word: {input}").build();
        assertThat(p.format(Map.of("input", "big"))).isEqualTo("Word: small\nAntonym: big\n\nWord: big");
        assertThat(p.format(Map.of("input", "other"))).isEqualTo("Word: other");
        assertThatThrownBy(() -> FewShotPromptTemplate.builder().examplePrompt(EXAMPLE_PROMPT).suffix("x").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingExampleKeysFailNamingThem() {
        FewShotPromptTemplate p = FewShotPromptTemplate.builder()
                .examples(List.of(Map.of("word", "up"))).examplePrompt(EXAMPLE_PROMPT).suffix("{input}").build();
        assertThatThrownBy(() -> p.format(Map.of("input", "x"))).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("[antonym]");
    }

    @Test
    void chatFewShotRendersExamplesAsUserAiPairs() {
        FewShotChatPromptTemplate fewShot = FewShotChatPromptTemplate.of(
                List.of(Map.of("input", "2+2", "output", "4"), Map.of("input", "2+3", "output", "5")),
                ChatPromptTemplate.fromMessages(MessageTemplate.user("{input}"), MessageTemplate.ai("{output}")));
        ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(
                MessageTemplate.system("You are a wondrous wizard of math."), fewShot, MessageTemplate.user("{input}"));
        assertThat(prompt.inputVariables()).containsExactly("input");
        assertThat(prompt.formatMessages(Map.of("input", "What is 4+4?"))).containsExactly(
                new SystemMessage("You are a wondrous wizard of math."),
                UserMessage.of("2+2"), AiMessage.of("4"),
                UserMessage.of("2+3"), AiMessage.of("5"),
                UserMessage.of("What is 4+4?"));
        assertThat(fewShot.format(Map.of())).isEqualTo("Human: 2+2\nAI: 4\nHuman: 2+3\nAI: 5");
    }

    @Test
    void partialFixesAPrefixOrSuffixVariable() {
        FewShotPromptTemplate p = FewShotPromptTemplate.builder()
                .examples(EXAMPLES).examplePrompt(EXAMPLE_PROMPT)
                .prefix("Antonyms in {language}").suffix("Word: {input}\nAntonym:").exampleSeparator("\n").build();
        FewShotPromptTemplate english = p.partial("language", "English");
        assertThat(english.inputVariables()).containsExactly("input");
        assertThat(p.inputVariables()).containsExactly("input", "language");
        assertThat(english.format(Map.of("input", "big"))).isEqualTo(
                "Antonyms in English\nWord: happy\nAntonym: sad\nWord: tall\nAntonym: short\nWord: big\nAntonym:");
        java.util.function.Supplier<String> language = () -> "French";
        assertThat(p.partial(Map.of("language", language)).format(Map.of("input", "grand"))).startsWith("Antonyms in French\n");
    }

    @Test
    void anExampleWithANullValueFormatsItAsAnyNullVariable() {
        Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("word", "void");
        withNull.put("antonym", null);
        FewShotPromptTemplate p = FewShotPromptTemplate.builder()
                .examples(List.of(withNull)).examplePrompt(EXAMPLE_PROMPT).suffix("Word: {input}").build();
        // As PromptTemplate formats a null variable (Java's String.valueOf, where Python prints None).
        assertThat(p.format(Map.of("input", "x"))).isEqualTo("Word: void\nAntonym: null\n\nWord: x");
        List<Map<String, Object>> holdingNull = new java.util.ArrayList<>();
        holdingNull.add(null);
        assertThatThrownBy(() -> FewShotPromptTemplate.builder().examples(holdingNull).examplePrompt(EXAMPLE_PROMPT).suffix("s").build())
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("example 0").hasMessageContaining("is null");
        FewShotChatPromptTemplate chat = FewShotChatPromptTemplate.of(List.of(withNull),
                ChatPromptTemplate.fromMessages(MessageTemplate.user("{word}"), MessageTemplate.ai("{antonym}")));
        assertThat(chat.formatMessages(Map.of())).extracting(m -> m.text()).containsExactly("void", "null");
    }
}
