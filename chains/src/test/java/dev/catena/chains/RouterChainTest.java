package dev.catena.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.OutputParserException;
import dev.catena.core.components.RunConfig;
import dev.catena.models.FakeChatModel;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.prompts.PromptTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterChainTest {

    private final FakeChatModel physicist = FakeChatModel.of("Black body radiation is ...");
    private final FakeChatModel mathematician = FakeChatModel.of("The integral is ...");
    private final FakeChatModel generalist = FakeChatModel.of("General answer");

    private RouterChain.Builder routes() {
        return RouterChain.builder()
                .route("physics", "Good for answering questions about physics, energy, light and radiation",
                        LlmChain.of(PromptTemplate.fromTemplate("You are a physicist. {input}"), physicist))
                .route("math", "Good for answering math questions about integrals, equations and numbers",
                        LlmChain.of(PromptTemplate.fromTemplate("You are a mathematician. {input}"), mathematician));
    }

    @Test
    void theModelsChoiceRoutesTheInputAndIsInResultAndTrace() {
        FakeChatModel router = FakeChatModel.of("```json\n{\"destination\": \"physics\"}\n```");
        RouterChain chain = routes().llmRouter(router).build();
        RecordingTracer tracer = new RecordingTracer();

        Map<String, Object> out = chain.invoke(Map.of("input", "What is black body radiation?"),
                RunConfig.builder().callbacks(tracer).build());

        assertThat(out).containsEntry("destination", "physics").containsEntry("text", "Black body radiation is ...");
        assertThat(physicist.requests().get(0).messages().get(0).text()).isEqualTo("You are a physicist. What is black body radiation?");
        assertThat(router.requests().get(0).messages().get(0).text())
                .contains("physics: Good for answering questions about physics").contains("<< INPUT >>\nWhat is black body radiation?");
        assertThat(tracer.one("router").output()).isEqualTo("physics");
        assertThat(chain.prompts()).containsKeys("router", "physics.prompt", "math.prompt");
    }

    @Test
    void anUnknownDestinationGoesToTheDefaultChain() {
        RouterChain chain = routes().defaultChain(LlmChain.of(PromptTemplate.fromTemplate("{input}"), generalist))
                .llmRouter(FakeChatModel.of("{\"destination\": \"chemistry\"}")).build();
        assertThat(chain.invoke(Map.of("input", "What is an acid?")))
                .containsEntry("destination", "DEFAULT").containsEntry("text", "General answer");
    }

    @Test
    void anUnknownDestinationWithoutADefaultIsAClearError() {
        RouterChain chain = routes().llmRouter(FakeChatModel.of("{\"destination\": \"chemistry\"}")).build();
        assertThatThrownBy(() -> chain.invoke(Map.of("input", "What is an acid?")))
                .isInstanceOf(RouteNotFoundException.class)
                .hasMessageContaining("'chemistry'").hasMessageContaining("[physics, math]");
    }

    @Test
    void aRoutingAnswerThatIsNotTheJsonObjectIsRejected() {
        RouterChain chain = routes().llmRouter(FakeChatModel.of("I think physics")).build();
        assertThatThrownBy(() -> chain.invoke(Map.of("input", "x"))).isInstanceOf(OutputParserException.class);
        assertThatThrownBy(() -> RouterChain.parseDestination("{\"next\": \"physics\"}"))
                .isInstanceOf(OutputParserException.class).hasMessageContaining("\"destination\"");
    }

    @Test
    void embeddingsRouteToTheMostSimilarDescription() {
        RouterChain chain = routes().embeddingRouter(new HashingEmbeddingModel()).build();
        assertThat(chain.invoke(Map.of("input", "solve these equations and integrals"))).containsEntry("destination", "math");
        assertThat(chain.invoke(Map.of("input", "how does light radiation carry energy"))).containsEntry("destination", "physics");
    }

    @Test
    void destinationsMustTakeTheInputAndReturnTheSameKeys() {
        assertThatThrownBy(() -> RouterChain.builder()
                .route("a", "a", LlmChain.of(PromptTemplate.fromTemplate("{question}"), generalist))
                .llmRouter(generalist).build())
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("takes [question]");
        assertThatThrownBy(() -> RouterChain.builder()
                .route("a", "a", LlmChain.of(PromptTemplate.fromTemplate("{input}"), generalist))
                .route("b", "b", LlmChain.builder(PromptTemplate.fromTemplate("{input}"), generalist).outputKey("other").build())
                .llmRouter(generalist).build())
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("returns [other]");
    }
}
