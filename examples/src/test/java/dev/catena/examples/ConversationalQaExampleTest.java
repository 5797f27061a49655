package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationalQaExampleTest {

    @Test
    void showsTheCondenseStepOnlyWhenItRuns() throws Exception {
        List<String> lines = ExampleRun.lines(() -> ConversationalQaExample.main(new String[0]));

        assertThat(lines).containsSubsequence(
                "[condense with history] Q: What does a retriever return?",
                "[condense with history] rewritten: (none)",
                "[condense with history] A: From the retrieved context: A retriever returns the documents relevant to a query;");
        // The follow-up's trace shows the condense run and what it wrote, before retrieval.
        int trace = lines.indexOf(lines.stream().filter(l -> l.startsWith("chain ConversationalRetrievalChain [")).findFirst().orElseThrow());
        assertThat(lines.get(trace + 1)).startsWith("  chain condense [");
        assertThat(lines.get(trace + 3)).startsWith("    chat_model OfflineModel [").endsWith("=> \"How can a vector store be saved and loaded back?\"");
        assertThat(lines.get(trace + 4)).startsWith("  retriever VectorStoreRetriever [");
        assertThat(lines).containsSubsequence(
                "[condense with history] Q: And can its store be saved?",
                "[condense with history] rewritten: How can a vector store be saved and loaded back?",
                "[condense with history] A: From the retrieved context: A vector store can be saved to a folder and loaded back, "
                        + "like FAISS save_local and load_local.",
                "[condense off] Q: And can its store be saved?",
                "[condense off] rewritten: (none)");
    }
}
