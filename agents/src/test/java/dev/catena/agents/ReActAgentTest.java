package dev.catena.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.agents.tools.MethodTools;
import dev.catena.agents.tools.Tool;
import dev.catena.core.messages.ChatMessage;
import dev.catena.models.FakeChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReActAgentTest {

    static class Squares {
        @Tool(description = "Squares a number")
        static long square(long x) {
            return x * x;
        }

        @Tool(description = "Adds two integers")
        static long add(long a, long b) {
            return a + b;
        }
    }

    private static String lastPrompt(FakeChatModel model) {
        var requests = model.requests();
        return requests.get(requests.size() - 1).messages().get(0).text();
    }

    @Test
    void actsObservesAndAnswers() {
        FakeChatModel model = FakeChatModel.of(
                " I should square 12.\nAction: square\nAction Input: 12",
                " Now add.\nAction: add\nAction Input: {\"a\": 144, \"b\": 1}",
                " I now know the final answer\nFinal Answer: 145");
        AgentExecutor executor = AgentExecutor.builder(new ReActAgent(model))
                .tools(MethodTools.from(Squares.class)).returnIntermediateSteps(true).build();

        AgentResult result = executor.run("What is 12 squared plus one?");

        assertThat(result.output()).isEqualTo("145");
        assertThat(result.intermediateSteps()).extracting(s -> s.action().arguments(), AgentStep::observation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("{\"x\":\"12\"}", "144"),
                        org.assertj.core.groups.Tuple.tuple("{\"a\": 144, \"b\": 1}", "145"));
        String prompt = lastPrompt(model);
        assertThat(prompt).contains("Action: the action to take, should be one of [add, square]")
                .contains("square: Squares a number Arguments: {\"type\":\"object\"")
                .contains("Question: What is 12 squared plus one?")
                .endsWith("Thought: I should square 12.\nAction: square\nAction Input: 12\nObservation: 144\nThought:  Now add."
                        + "\nAction: add\nAction Input: {\"a\": 144, \"b\": 1}\nObservation: 145\nThought: ");
    }

    @Test
    void aMalformedReplyIsFedBackAsAnObservation() {
        FakeChatModel model = FakeChatModel.of("I think the answer is 4", " Right.\nFinal Answer: 4");
        AgentExecutor executor = AgentExecutor.builder(new ReActAgent(model))
                .tools(MethodTools.from(Squares.class)).returnIntermediateSteps(true).build();

        AgentResult result = executor.run("2+2?");

        assertThat(result.output()).isEqualTo("4");
        assertThat(result.intermediateSteps()).singleElement().satisfies(step -> {
            assertThat(step.action().tool()).isEqualTo(AgentAction.MALFORMED);
            assertThat(step.observation()).isEqualTo(ReActOutputParser.MISSING_ACTION);
        });
        assertThat(lastPrompt(model)).endsWith("Thought:I think the answer is 4\nObservation: "
                + ReActOutputParser.MISSING_ACTION + "\nThought: ");
    }

    @Test
    void malformedRepliesAreFedBackABoundedNumberOfTimes() {
        FakeChatModel model = FakeChatModel.of("no format at all");
        AgentExecutor executor = AgentExecutor.builder(new ReActAgent(model).withMaxFormatErrors(2))
                .tools(MethodTools.from(Squares.class)).build();

        assertThatThrownBy(() -> executor.run("2+2?")).isInstanceOf(ReActFormatException.class)
                .hasMessageContaining(ReActOutputParser.MISSING_ACTION);
        assertThat(model.requests()).hasSize(3);
    }

    @Test
    void generateAtTheLimitAsksForAFinalAnswer() {
        FakeChatModel model = FakeChatModel.of("Action: square\nAction Input: 3", "Thought: enough\nFinal Answer: 9");
        AgentExecutor executor = AgentExecutor.builder(new ReActAgent(model)).tools(MethodTools.from(Squares.class))
                .maxIterations(1).earlyStopping(EarlyStopping.GENERATE).build();

        AgentResult result = executor.run("3 squared?");

        assertThat(result.output()).isEqualTo("9");
        assertThat(lastPrompt(model)).endsWith("Observation: 9\nThought: " + ReActAgent.FINAL_ANSWER_REQUEST);
    }

    @Test
    void aPromptWithoutTheScratchpadIsRefused() {
        assertThatThrownBy(() -> new ReActAgent(FakeChatModel.of("x")).withPrompt("Tools: {tools} {tool_names}\nQuestion: {input}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a ReAct prompt must use {agent_scratchpad}");
    }

    @Test
    void theChinesePromptAndPastTurnsAreRendered() {
        ReActAgent agent = new ReActAgent(FakeChatModel.of("x")).withPrompt(ReActAgent.CHINESE_PROMPT);
        AgentInput input = new AgentInput("十二的平方是多少？", List.of(ChatMessage.user("你好"), ChatMessage.ai("你好！")),
                List.of(), List.of(MethodTools.from(Squares.class).get(1).tool().spec()));

        String prompt = agent.render(input);

        assertThat(prompt).startsWith("请尽你所能回答下面的问题。")
                .contains("必须是 [square] 之一").contains("Human: 你好\nAI: 你好！")
                .endsWith("Question: 十二的平方是多少？\nThought:");
    }
}
