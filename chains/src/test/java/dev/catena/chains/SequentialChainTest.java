package dev.catena.chains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.RunConfig;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.PromptTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequentialChainTest {

    private static LlmChain step(String template, String outputKey, String reply) {
        return LlmChain.builder(PromptTemplate.fromTemplate(template), FakeChatModel.of(reply)).outputKey(outputKey).build();
    }

    @Test
    void variablesFlowFromInputsAndEarlierStepsToLaterOnes() {
        FakeChatModel reviewer = FakeChatModel.of("A moving review.");
        SequentialChain chain = SequentialChain.builder()
                .inputKeys("title", "era")
                .step(step("Synopsis of {title} set in {era}", "synopsis", "A synopsis."))
                .step(LlmChain.builder(PromptTemplate.fromTemplate("Review {synopsis} of {title}"), reviewer)
                        .outputKey("review").build())
                .outputKeys("synopsis", "review")
                .build();

        Map<String, Object> out = chain.invoke(Map.of("title", "Sunset", "era", "1920s"));

        assertThat(out).containsExactly(Map.entry("synopsis", "A synopsis."), Map.entry("review", "A moving review."));
        assertThat(reviewer.requests().get(0).messages().get(0).text()).isEqualTo("Review A synopsis. of Sunset");
        assertThat(chain.prompts()).containsOnlyKeys("1.LlmChain.prompt", "2.LlmChain.prompt");
    }

    @Test
    void aStepNeedingAVariableNobodyProducesFailsAtBuildNamingIt() {
        assertThatThrownBy(() -> SequentialChain.builder().inputKeys("title")
                .step(step("Synopsis of {title}", "synopsis", "s"))
                .step(step("Review {synopsys}", "review", "r"))
                .build())
                .isInstanceOf(ChainValidationException.class)
                .hasMessageContaining("step 2 (LlmChain) needs the variable 'synopsys'")
                .hasMessageContaining("[title, synopsis]");
    }

    @Test
    void twoStepsProducingOneKeyFailAtBuildNamingBoth() {
        assertThatThrownBy(() -> SequentialChain.builder().inputKeys("title")
                .step(step("Synopsis of {title}", "text", "s"))
                .step(step("Other {title}", "text", "r"))
                .build())
                .isInstanceOf(ChainValidationException.class)
                .hasMessageContaining("step 2 (LlmChain) outputs 'text', which step 1 (LlmChain) already produces");
    }

    @Test
    void aStepOverwritingAnInputFailsAtBuild() {
        assertThatThrownBy(() -> SequentialChain.builder().inputKeys("text")
                .step(step("Summarise {text}", "text", "s")).build())
                .isInstanceOf(ChainValidationException.class)
                .hasMessageContaining("the chain's inputs already produces");
    }

    @Test
    void anUnknownOutputKeyFailsAtBuild() {
        assertThatThrownBy(() -> SequentialChain.builder().inputKeys("title")
                .step(step("Synopsis of {title}", "synopsis", "s")).outputKeys("review").build())
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("'review'");
    }

    @Test
    void simpleSequentialChainPassesEachOutputOnAndTracesEveryStep() {
        TransformChain upper = TransformChain.of("Upper", List.of("text"), List.of("upper"),
                in -> Map.of("upper", in.get("text").toString().toUpperCase()));
        FakeChatModel model = FakeChatModel.of("done");
        SimpleSequentialChain chain = SimpleSequentialChain.of(upper, LlmChain.of(PromptTemplate.fromTemplate("Shout {x}"), model));
        RecordingTracer tracer = new RecordingTracer();

        assertThat(chain.run("hi", RunConfig.builder().callbacks(tracer).build())).isEqualTo("done");
        assertThat(model.requests().get(0).messages().get(0).text()).isEqualTo("Shout HI");
        assertThat(tracer.parentName(tracer.one("Upper").run())).isEqualTo("SimpleSequentialChain");
    }

    @Test
    void simpleSequentialChainRefusesAStepWithTwoInputs() {
        assertThatThrownBy(() -> SimpleSequentialChain.of(step("{a}{b}", "text", "x")))
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("[a, b]");
    }

    @Test
    void transformChainChecksItsFunctionReturnsTheDeclaredKeys() {
        TransformChain broken = TransformChain.of("Broken", List.of("a"), List.of("b"), in -> Map.of("c", 1));
        assertThatThrownBy(() -> broken.invoke(Map.of("a", 1)))
                .isInstanceOf(ChainInputException.class).hasMessageContaining("Broken must return [b] but returned [c]");
    }
}
