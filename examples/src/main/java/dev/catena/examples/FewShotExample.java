package dev.catena.examples;

import dev.catena.models.HashingEmbeddingModel;
import dev.catena.prompts.ChatPromptTemplate;
import dev.catena.prompts.FewShotChatPromptTemplate;
import dev.catena.prompts.FewShotPromptTemplate;
import dev.catena.prompts.MessageTemplate;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.selectors.LengthBasedExampleSelector;
import dev.catena.prompts.selectors.SemanticSimilarityExampleSelector;
import java.util.List;
import java.util.Map;

/**
 * Few-shot prompts: a fixed list of examples, examples cut to a length budget, examples picked by
 * similarity to the input (offline embeddings), and examples as chat turns.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.FewShotExample
 * }</pre>
 */
public final class FewShotExample {

    private FewShotExample() {
    }

    public static void main(String[] args) {
        List<Map<String, String>> antonyms = List.of(
                Map.of("input", "happy", "output", "sad"),
                Map.of("input", "tall", "output", "short"),
                Map.of("input", "sunny", "output", "gloomy"));
        PromptTemplate examplePrompt = PromptTemplate.fromTemplate("Input: {input}\nOutput: {output}");

        FewShotPromptTemplate fixed = FewShotPromptTemplate.builder()
                .examples(antonyms)
                .examplePrompt(examplePrompt)
                .prefix("Give the antonym of every input")
                .suffix("Input: {adjective}\nOutput:")
                .build();
        System.out.println(fixed.format(Map.of("adjective", "big")));
        System.out.println("----");

        // Only as many examples as fit in 12 words together with the input.
        FewShotPromptTemplate byLength = FewShotPromptTemplate.builder()
                .exampleSelector(new LengthBasedExampleSelector(antonyms, examplePrompt, 12))
                .examplePrompt(examplePrompt)
                .suffix("Input: {adjective}\nOutput:")
                .build();
        System.out.println(byLength.format(Map.of("adjective", "big")));
        System.out.println("----");

        // The example most similar to the question.
        List<Map<String, String>> qa = List.of(
                Map.of("question", "What is the capital of France?", "answer", "Paris"),
                Map.of("question", "How do I bake bread?", "answer", "Knead, proof, bake"),
                Map.of("question", "What is 2 + 2?", "answer", "4"));
        FewShotPromptTemplate bySimilarity = FewShotPromptTemplate.builder()
                .exampleSelector(new SemanticSimilarityExampleSelector(qa, new HashingEmbeddingModel(), 1, List.of("question")))
                .examplePrompt(PromptTemplate.fromTemplate("Q: {question}\nA: {answer}"))
                .suffix("Q: {question}\nA:")
                .build();
        System.out.println(bySimilarity.format(Map.of("question", "What is the capital of Italy?")));
        System.out.println("----");

        // Examples as user/ai turns in a chat prompt.
        FewShotChatPromptTemplate turns = FewShotChatPromptTemplate.of(
                List.of(Map.of("input", "2+2", "output", "4"), Map.of("input", "2+3", "output", "5")),
                ChatPromptTemplate.fromMessages(MessageTemplate.user("{input}"), MessageTemplate.ai("{output}")));
        ChatPromptTemplate chat = ChatPromptTemplate.fromMessages(
                MessageTemplate.system("You are a wondrous wizard of math."), turns, MessageTemplate.user("{input}"));
        System.out.println(chat.format(Map.of("input", "What is 4+4?")));
    }
}
