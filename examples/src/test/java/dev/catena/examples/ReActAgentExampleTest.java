package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReActAgentExampleTest {

    @Test
    void searchesTheKnowledgeBaseWithSourcesComputesWithTheCalculatorAndAnswers() throws Exception {
        List<String> lines = ExampleRun.lines(() -> ReActAgentExample.main(new String[0]));

        assertThat(lines).containsExactly(
                "action: search_knowledge_base {\"query\":\"Pro plan price per seat\"}",
                "observation: [1] source: pricing.md",
                "The Pro plan costs 12 USD per seat per month, billed yearly.",
                "action: calculator {\"expression\": \"12 * 7 * 12\"}",
                "observation: 1008",
                "answer: 7 seats of the Pro plan cost 1008 USD a year (pricing.md).");
    }
}
