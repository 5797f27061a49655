package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationExampleTest {

    @Test
    void evaluatesTheQuickstartChainOnTheBundledQuestionsAndPrintsTheReport() throws Exception {
        List<String> lines = ExampleRun.lines(() -> EvaluationExample.main(new String[0]));

        assertThat(lines.get(0)).isEqualTo("Evaluating RetrievalQaChain on 5 questions of retrieval-qa.jsonl");
        assertThat(lines).contains("## Evaluation of retrieval-qa.jsonl", "| Evaluator | Mean | Pass rate | Scored | Failures |");
        assertThat(lines).anyMatch(l -> l.matches("\\| embedding_cosine \\| 0\\.\\d\\d \\| \\d+% \\| 5 \\| 0 \\|"));
        assertThat(lines).anyMatch(l -> l.matches("\\| levenshtein \\| 0\\.\\d\\d \\| \\d+% \\| 5 \\| 0 \\|"));
        assertThat(lines).anyMatch(l -> l.startsWith("Examples: 5, errors: 0, latency p50: "));
        // the retriever question is answered by quoting the knowledge base's own sentence
        assertThat(lines).anyMatch(l -> l.startsWith("| retriever | What does a retriever return? | From the retrieved context: ")
                && l.contains("A retriever returns the documents relevant to a query"));
        assertThat(lines).anyMatch(l -> l.startsWith("Rows written as JSON Lines to ") && l.endsWith(".jsonl"));
    }
}
