package dev.catena.prompts.selectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.models.HashingEmbeddingModel;
import dev.catena.prompts.FewShotPromptTemplate;
import dev.catena.prompts.PromptTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleSelectorsTest {

    private static final PromptTemplate EXAMPLE_PROMPT = PromptTemplate.fromTemplate("Input: {input}\nOutput: {output}");
    private static final List<Map<String, String>> ANTONYMS = List.of(
            Map.of("input", "happy", "output", "sad"),
            Map.of("input", "tall", "output", "short"),
            Map.of("input", "energetic", "output", "lethargic"),
            Map.of("input", "sunny", "output", "gloomy"),
            Map.of("input", "windy", "output", "calm"));

    @Test
    void lengthBasedWordCountMatchesLangChain() {
        assertThat(LengthBasedExampleSelector.wordCount("Input: happy\nOutput: sad")).isEqualTo(4);
        assertThat(LengthBasedExampleSelector.wordCount("")).isEqualTo(1);
        assertThat(LengthBasedExampleSelector.wordCount("a  b")).isEqualTo(3);
    }

    @Test
    void lengthBasedCutsOffWhenTheNextExampleDoesNotFit() {
        // Each example is 4 words; budget 25.
        LengthBasedExampleSelector selector = new LengthBasedExampleSelector(ANTONYMS, EXAMPLE_PROMPT, 25);
        assertThat(selector.select(Map.of("adjective", "big"))).hasSize(5); // 25 - 1 = 24 → all five (20)
        String longInput = "big and huge and massive and enormous and gigantic and monstrous";
        // 25 - 11 = 14 → three examples (12), the fourth would need 16
        assertThat(selector.select(Map.of("adjective", longInput))).extracting(m -> m.get("input"))
                .containsExactly("happy", "tall", "energetic");
        assertThat(selector.select(Map.of("adjective", longInput + " " + longInput + " x x x"))).isEmpty();
    }

    @Test
    void lengthFunctionCanBeATokenCounter() {
        LengthBasedExampleSelector byChars = new LengthBasedExampleSelector(ANTONYMS, EXAMPLE_PROMPT, 60, String::length);
        // "Input: happy\nOutput: sad" is 24 chars, "Input: tall\nOutput: short" 25; input "x" 1 → 59 left → two fit
        assertThat(byChars.select(Map.of("q", "x"))).hasSize(2);
    }

    @Test
    void lengthBasedSelectorInAFewShotPrompt() {
        FewShotPromptTemplate prompt = FewShotPromptTemplate.builder()
                .exampleSelector(new LengthBasedExampleSelector(ANTONYMS, EXAMPLE_PROMPT, 10))
                .examplePrompt(EXAMPLE_PROMPT)
                .prefix("Give the antonym of every input")
                .suffix("Input: {adjective}\nOutput:")
                .build();
        assertThat(prompt.format(Map.of("adjective", "big"))).isEqualTo(
                "Give the antonym of every input\n\nInput: happy\nOutput: sad\n\nInput: tall\nOutput: short\n\nInput: big\nOutput:");
    }

    @Test
    void semanticSimilarityPicksTheNearestExamples() {
        List<Map<String, String>> examples = List.of(
                Map.of("question", "How do I bake bread at home?", "answer", "Knead, proof, bake."),
                Map.of("question", "What is the capital of France?", "answer", "Paris."),
                Map.of("question", "How do I bake a chocolate cake?", "answer", "Mix, pour, bake."),
                Map.of("question", "What is the capital of Japan?", "answer", "Tokyo."));
        SemanticSimilarityExampleSelector selector = new SemanticSimilarityExampleSelector(
                examples, new HashingEmbeddingModel(), 2, List.of("question"));
        assertThat(selector.select(Map.of("question", "What is the capital of Italy?")))
                .extracting(m -> m.get("answer")).containsExactlyInAnyOrder("Paris.", "Tokyo.");
        assertThat(selector.select(Map.of("question", "How do I bake cookies?")))
                .extracting(m -> m.get("answer")).containsExactlyInAnyOrder("Knead, proof, bake.", "Mix, pour, bake.");
    }

    @Test
    void maxMarginalRelevancePrefersDiverseExamples() {
        List<Map<String, String>> examples = List.of(
                Map.of("input", "the cat sat on the mat"),
                Map.of("input", "the cat sat on the mat today"),
                Map.of("input", "a cat chased a dog across the garden"));
        HashingEmbeddingModel model = new HashingEmbeddingModel();
        Map<String, String> query = Map.of("input", "cat sat on the mat");

        List<Map<String, Object>> similar = new SemanticSimilarityExampleSelector(examples, model, 2).select(query);
        assertThat(similar).extracting(m -> m.get("input"))
                .containsExactly("the cat sat on the mat", "the cat sat on the mat today");

        List<Map<String, Object>> diverse = new MaxMarginalRelevanceExampleSelector(examples, model, 2, 20, 0.25, null).select(query);
        assertThat(diverse).extracting(m -> m.get("input"))
                .containsExactly("the cat sat on the mat", "a cat chased a dog across the garden");

        List<Map<String, Object>> pureRelevance = new MaxMarginalRelevanceExampleSelector(examples, model, 2, 20, 1.0, null).select(query);
        assertThat(pureRelevance).isEqualTo(similar);
    }

    @Test
    void examplesCanBeAddedToEverySelector() {
        LengthBasedExampleSelector byLength = new LengthBasedExampleSelector(List.of(), EXAMPLE_PROMPT, 25);
        byLength.addExample(Map.of("input", "happy", "output", "sad"));
        byLength.addExample(Map.of("input", "tall", "output", "short"));
        assertThat(byLength.select(Map.of("adjective", "big"))).extracting(m -> m.get("input")).containsExactly("happy", "tall");

        HashingEmbeddingModel model = new HashingEmbeddingModel();
        SemanticSimilarityExampleSelector similar = new SemanticSimilarityExampleSelector(
                List.of(Map.of("question", "What is the capital of France?")), model, 1);
        similar.addExample(Map.of("question", "How do I bake bread at home?"));
        assertThat(similar.select(Map.of("question", "How do I bake a cake at home?")))
                .extracting(m -> m.get("question")).containsExactly("How do I bake bread at home?");

        MaxMarginalRelevanceExampleSelector mmr = new MaxMarginalRelevanceExampleSelector(
                List.of(Map.of("input", "the cat sat on the mat")), model, 2);
        mmr.addExample(Map.of("input", "a dog ran in the park"));
        assertThat(mmr.select(Map.of("input", "cat on a mat"))).hasSize(2);
    }

    @Test
    void aLambdaSelectorRefusesToTakeExamples() {
        dev.catena.prompts.ExampleSelector fixed = input -> List.of();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixed.addExample(Map.of("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cannot take new examples");
    }
}
