package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterChainExampleTest {

    @Test
    void routesByModelWithADefaultByEmbeddingsAndFailsWithoutADefault() throws Exception {
        List<String> lines = ExampleRun.lines(() -> RouterChainExample.main(new String[0]));

        assertThat(lines).containsExactly(
                "[model] What is black body radiation? -> physics: Black body radiation is the light a perfect absorber emits.",
                "[model] What is 2 + 2? -> math: It is 4.",
                "[model] What is an acid? -> DEFAULT: I can help with that in general terms.",
                "[embeddings] solve these equations and integrals -> math",
                "[embeddings] how does light radiation carry energy -> physics",
                "[no default] the router chose the destination 'chemistry', which is not a route [physics, math], "
                        + "and no default chain is set; add the route or set defaultChain(...)");
    }
}
