package dev.catena.examples;

import dev.catena.chains.ChainValidationException;
import dev.catena.chains.LlmChain;
import dev.catena.chains.SequentialChain;
import dev.catena.chains.SimpleSequentialChain;
import dev.catena.chains.TransformChain;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.PromptTemplate;
import java.util.List;
import java.util.Map;

/**
 * Chains in a row: a {@link SequentialChain} where a play's title and era flow into a synopsis and
 * the synopsis into a review, a {@link SimpleSequentialChain} of one-in, one-out steps with a
 * {@link TransformChain} in the middle, and the build-time error a misspelt variable gives.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.SequentialChainExample
 * }</pre>
 */
public final class SequentialChainExample {

    private SequentialChainExample() {
    }

    public static void main(String[] args) {
        FakeChatModel playwright = FakeChatModel.of("Two lovers meet at sunset on a Victorian beach and part at dawn.");
        FakeChatModel critic = FakeChatModel.of("A tender, tidal play: see it.");

        LlmChain synopsis = LlmChain.builder(PromptTemplate.fromTemplate(
                "You are a playwright. Write the synopsis of a play titled {title}, set in {era}."), playwright)
                .outputKey("synopsis").build();
        LlmChain review = LlmChain.builder(PromptTemplate.fromTemplate(
                "You are a critic. Review this play in one line:\n{synopsis}"), critic)
                .outputKey("review").build();
        SequentialChain play = SequentialChain.builder()
                .inputKeys("title", "era")
                .step(synopsis)
                .step(review)
                .outputKeys("synopsis", "review")
                .build();
        Map<String, Object> out = play.invoke(Map.of("title", "Tragedy at sunset on the beach", "era", "Victorian England"));
        System.out.println("synopsis: " + out.get("synopsis"));
        System.out.println("review: " + out.get("review"));
        System.out.println("prompts: " + play.prompts().keySet());

        TransformChain firstWords = TransformChain.of("FirstFiveWords", List.of("text"), List.of("short"), in -> Map.of("short",
                String.join(" ", List.of(in.get("text").toString().split("\\s+")).subList(0, 5))));
        SimpleSequentialChain simple = SimpleSequentialChain.of(
                LlmChain.of(PromptTemplate.fromTemplate("Synopsis of {title}"), FakeChatModel.of("Two lovers meet at sunset and part.")),
                firstWords,
                LlmChain.of(PromptTemplate.fromTemplate("Title for: {short}"), FakeChatModel.of("Sunset Lovers")));
        System.out.println("simple: " + simple.run("Tragedy at sunset"));

        try {
            SequentialChain.builder().inputKeys("title").step(synopsis).build();
        } catch (ChainValidationException e) {
            System.out.println("build error: " + e.getMessage());
        }
    }
}
