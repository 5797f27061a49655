package dev.catena.examples;

import dev.catena.chains.LlmChain;
import dev.catena.chains.RouteNotFoundException;
import dev.catena.chains.RouterChain;
import dev.catena.core.models.ChatModel;
import dev.catena.models.FakeChatModel;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.prompts.PromptTemplate;
import java.util.Map;

/**
 * A {@link RouterChain} sending questions to a physics or a math chain: first by the model's choice
 * (scripted JSON answers, one naming a route that does not exist and falling back to the default
 * chain), then by embedding similarity with the offline hashing embeddings, then without a default.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.RouterChainExample
 * }</pre>
 */
public final class RouterChainExample {

    private RouterChainExample() {
    }

    static RouterChain.Builder routes(ChatModel experts) {
        return RouterChain.builder()
                .route("physics", "Good for answering questions about physics, energy, light and radiation",
                        LlmChain.of(PromptTemplate.fromTemplate("You are a very smart physics professor. {input}"), experts))
                .route("math", "Good for answering math questions about equations, integrals and numbers",
                        LlmChain.of(PromptTemplate.fromTemplate("You are a very good mathematician. {input}"), experts));
    }

    public static void main(String[] args) {
        ChatModel experts = FakeChatModel.of("Black body radiation is the light a perfect absorber emits.",
                "It is 4.", "I can help with that in general terms.");
        ChatModel router = FakeChatModel.of("{\"destination\": \"physics\"}", "```json\n{\"destination\": \"math\"}\n```",
                "{\"destination\": \"chemistry\"}");
        RouterChain byModel = routes(experts)
                .defaultChain(LlmChain.of(PromptTemplate.fromTemplate("{input}"), experts))
                .llmRouter(router)
                .build();
        for (String question : new String[] {"What is black body radiation?", "What is 2 + 2?", "What is an acid?"}) {
            Map<String, Object> out = byModel.invoke(Map.of("input", question));
            System.out.println("[model] " + question + " -> " + out.get("destination") + ": " + out.get("text"));
        }

        RouterChain byEmbeddings = routes(FakeChatModel.of("(answer)")).embeddingRouter(new HashingEmbeddingModel()).build();
        for (String question : new String[] {"solve these equations and integrals", "how does light radiation carry energy"}) {
            System.out.println("[embeddings] " + question + " -> " + byEmbeddings.invoke(Map.of("input", question)).get("destination"));
        }

        RouterChain strict = routes(experts).llmRouter(FakeChatModel.of("{\"destination\": \"chemistry\"}")).build();
        try {
            strict.invoke(Map.of("input", "What is an acid?"));
        } catch (RouteNotFoundException e) {
            System.out.println("[no default] " + e.getMessage());
        }
    }
}
