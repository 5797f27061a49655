package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuickstartExampleTest {

    @Test
    void answersTheDefaultChineseQuestionOfflineFromTheBundledKnowledgeBase() throws Exception {
        List<String> lines = ExampleRun.lines(() -> QuickstartExample.run(QuickstartExample.DEFAULT_QUESTION, Map.of()));

        assertThat(lines.get(0)).startsWith("Offline: OPENAI_API_KEY is not set");
        assertThat(lines).anyMatch(l -> l.matches("Indexed \\d+ chunks of the bundled knowledge base; saved and loaded back from a folder\\."));
        assertThat(lines).contains("Question: LangChain 中的链是什么？");
        // The trace tree: the chain, its retrieval, the stuff step with its prompt, and the model call.
        assertThat(lines).anyMatch(l -> l.startsWith("chain RetrievalQaChain ["));
        assertThat(lines).anyMatch(l -> l.startsWith("  retriever VectorStoreRetriever ["));
        assertThat(lines).anyMatch(l -> l.startsWith("  chain stuff ["));
        assertThat(lines).anyMatch(l -> l.startsWith("  chat_model ExtractiveAnswerModel [") && l.contains("tokens:"));
        // The answer quotes the Chinese definition of a chain, and the sources name the file it came from.
        String answer = lines.stream().filter(l -> l.startsWith("Answer: ")).findFirst().orElseThrow();
        assertThat(answer).startsWith("Answer: 根据检索到的内容：").contains("链是组合在一起以完成特定任务的一系列组件");
        int sources = lines.indexOf("Sources:");
        assertThat(lines.subList(sources + 1, lines.size())).anyMatch(l -> l.startsWith("  - chains-zh.md: "));
    }

    @Test
    void answersAnEnglishQuestionGivenOnTheCommandLine() throws Exception {
        List<String> lines = ExampleRun.lines(() -> QuickstartExample.run("What does a retriever return?", Map.of()));

        String answer = lines.stream().filter(l -> l.startsWith("Answer: ")).findFirst().orElseThrow();
        assertThat(answer).startsWith("Answer: From the retrieved context: ").contains("A retriever returns the documents relevant to a query");
        assertThat(lines).anyMatch(l -> l.startsWith("  - retrieval.md: "));
    }
}
