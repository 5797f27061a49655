package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AiServiceExampleTest {

    @Test
    void describesTheServiceAndAnswersTwoTurnsWithMemoryContextAndCalculator() throws Exception {
        List<String> lines = ExampleRun.lines(() -> AiServiceExample.main(new String[0]));

        assertThat(lines).containsExactly(
                "model: scripted FakeChatModel (offline)",
                "SupportDesk.answer",
                "  system: You answer questions about our plans from these passages, citing their sources;"
                        + " use the calculator for arithmetic.",
                "{context}",
                "  user: {question}",
                "  parameters: #0 -> session id, #1 -> {question}",
                "  retriever: BM25Retriever -> {context}",
                "  memory: InMemoryChatMessageHistory per session",
                "  steps: prompt -> agent executor (tool calling) -> text",
                "",
                "alice: What does the Pro plan cost per seat?",
                "desk: The Pro plan costs 12 USD per seat per month, billed yearly (pricing.md).",
                "alice: And the yearly cost of 7 Pro plan seats?",
                "desk: 7 seats of the Pro plan cost 1008 USD a year (pricing.md).",
                "the model's last request:",
                "  SystemMessage: You answer questions about our plans from these passages, citing their sources;"
                        + " use the calculator for arithmetic. / [pricing.md] The Pro plan costs 12 USD per seat per month,"
                        + " billed yearly.",
                "  UserMessage: What does the Pro plan cost per seat?",
                "  AiMessage: The Pro plan costs 12 USD per seat per month, billed yearly (pricing.md).",
                "  UserMessage: And the yearly cost of 7 Pro plan seats?",
                "  AiMessage: calls calculator {\"expression\":\"12 * 7 * 12\"}",
                "  ToolMessage: 1008",
                "session alice keeps 4 messages");
    }
}
