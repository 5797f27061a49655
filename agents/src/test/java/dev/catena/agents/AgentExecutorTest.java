package dev.catena.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.agents.tools.AgentTool;
import dev.catena.agents.tools.Approval;
import dev.catena.agents.tools.MethodTools;
import dev.catena.agents.tools.Tool;
import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.models.ChatRequest;
import dev.catena.models.FakeChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AgentExecutorTest {

    static class Calculator {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Tool(description = "Adds two integers")
        int add(int a, int b) {
            calls.add("add " + a + " " + b);
            return a + b;
        }
    }

    private static AiMessage calls(ToolCall... calls) {
        return AiMessage.ofToolCalls(List.of(calls));
    }

    private static List<ToolMessage> toolMessages(ChatRequest request) {
        return request.messages().stream().filter(ToolMessage.class::isInstance).map(ToolMessage.class::cast).toList();
    }

    @Test
    void anIllTypedArgumentIsFedBackAndCorrectedOnTheNextStep() {
        FakeChatModel model = FakeChatModel.ofMessages(
                calls(new ToolCall("c1", "add", "{\"a\":\"two\",\"b\":3}")),
                calls(new ToolCall("c2", "add", "{\"a\":2,\"b\":3}")),
                AiMessage.of("2 + 3 = 5"));
        Calculator calculator = new Calculator();
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model))
                .tools(MethodTools.from(calculator)).returnIntermediateSteps(true).build();

        AgentResult result = executor.run("What is two plus 3?");

        assertThat(result.output()).isEqualTo("2 + 3 = 5");
        assertThat(result.stopReason()).isEqualTo(StopReason.FINISHED);
        assertThat(result.intermediateSteps()).hasSize(2);
        assertThat(result.intermediateSteps().get(0).observation())
                .contains("argument 'a' must be of type integer, got \"two\"");
        assertThat(result.intermediateSteps().get(1).observation()).isEqualTo("5");
        assertThat(calculator.calls).containsExactly("add 2 3");
        ToolMessage fedBack = toolMessages(model.requests().get(1)).get(0);
        assertThat(fedBack.toolCallId()).isEqualTo("c1");
        assertThat(fedBack.text()).contains("call the tool again with corrected arguments");
        assertThat(model.requests().get(0).tools()).extracting(t -> t.name()).containsExactly("add");
    }

    static class Slow {
        final CountDownLatch bothRunning = new CountDownLatch(2);

        @Tool(description = "Looks a word up")
        String lookup(String word, int delayMillis) throws InterruptedException {
            bothRunning.countDown();
            // each call waits for the other one: only calls running at the same time get past this
            boolean together = bothRunning.await(5, TimeUnit.SECONDS);
            Thread.sleep(delayMillis);
            return word + (together ? " (together)" : " (alone)");
        }
    }

    @Test
    void parallelCallsRunConcurrentlyAndAnswerInCallOrder() {
        FakeChatModel model = FakeChatModel.ofMessages(
                calls(new ToolCall("first", "lookup", "{\"word\":\"alpha\",\"delayMillis\":200}"),
                        new ToolCall("second", "lookup", "{\"word\":\"beta\",\"delayMillis\":0}")),
                AiMessage.of("done"));
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model))
                .tools(MethodTools.from(new Slow())).maxConcurrency(2).build();

        assertThat(executor.run("look both up").output()).isEqualTo("done");

        List<ChatMessage> replayed = model.requests().get(1).messages();
        assertThat(replayed.get(1)).isInstanceOf(AiMessage.class);
        assertThat(toolMessages(model.requests().get(1)))
                .extracting(ToolMessage::toolCallId, ToolMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", "alpha (together)"),
                        org.assertj.core.groups.Tuple.tuple("second", "beta (together)"));
    }

    @Test
    void maxIterationsWithForceReturnsTheStopMessage() {
        FakeChatModel model = FakeChatModel.ofMessages(calls(new ToolCall("c", "add", "{\"a\":1,\"b\":1}")));
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model))
                .tools(MethodTools.from(new Calculator())).maxIterations(2).returnIntermediateSteps(true).build();

        AgentResult result = executor.run("loop forever");

        assertThat(result.output()).isEqualTo(AgentExecutor.STOPPED);
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_ITERATIONS);
        assertThat(result.intermediateSteps()).hasSize(2);
        assertThat(model.requests()).hasSize(2);
    }

    @Test
    void maxIterationsWithGenerateAsksTheModelOnceWithoutTools() {
        FakeChatModel model = FakeChatModel.ofMessages(
                calls(new ToolCall("c1", "add", "{\"a\":1,\"b\":1}")),
                calls(new ToolCall("c2", "add", "{\"a\":2,\"b\":2}")),
                AiMessage.of("Best I can say: 4"));
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model))
                .tools(MethodTools.from(new Calculator())).maxIterations(2).earlyStopping(EarlyStopping.GENERATE).build();

        AgentResult result = executor.run("add things");

        assertThat(result.output()).isEqualTo("Best I can say: 4");
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_ITERATIONS);
        ChatRequest last = model.requests().get(2);
        assertThat(last.tools()).isEmpty();
        assertThat(last.messages().get(last.messages().size() - 1))
                .isEqualTo(ChatMessage.user(ToolCallingAgent.FINAL_ANSWER_REQUEST));
        assertThat(toolMessages(last)).extracting(ToolMessage::text).containsExactly("2", "4");
    }

    static class Sleepy {
        @Tool(description = "Takes its time")
        String nap(int millis) throws InterruptedException {
            Thread.sleep(millis);
            return "rested";
        }
    }

    @Test
    void maxTimeStopsBeforeTheNextDecisionInBothModes() {
        for (EarlyStopping mode : EarlyStopping.values()) {
            FakeChatModel model = FakeChatModel.ofMessages(
                    calls(new ToolCall("c1", "nap", "{\"millis\":300}")), AiMessage.of("generated after the time limit"));
            AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model))
                    .tools(MethodTools.from(new Sleepy())).maxTime(Duration.ofMillis(100)).earlyStopping(mode).build();

            AgentResult result = executor.run("nap");

            assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TIME);
            assertThat(result.output()).isEqualTo(mode == EarlyStopping.FORCE
                    ? AgentExecutor.STOPPED : "generated after the time limit");
            assertThat(model.requests()).hasSize(mode == EarlyStopping.FORCE ? 1 : 2);
        }
    }

    static class Lookup {
        @Tool(description = "Final lookup", returnDirect = true)
        String answer(String q) {
            return "direct: " + q;
        }

        @Tool(description = "Hangs", timeoutMillis = 100)
        String hang() throws InterruptedException {
            Thread.sleep(10_000);
            return "never";
        }
    }

    @Test
    void aReturnDirectToolEndsTheRunWithItsResult() {
        FakeChatModel model = FakeChatModel.ofMessages(calls(new ToolCall("c", "answer", "{\"q\":\"x\"}")),
                AiMessage.of("should not be asked"));
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model)).tools(MethodTools.from(new Lookup())).build();

        AgentResult result = executor.run("q");

        assertThat(result.output()).isEqualTo("direct: x");
        assertThat(result.stopReason()).isEqualTo(StopReason.RETURN_DIRECT);
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void aToolTimeoutAndAnUnknownToolBecomeObservations() {
        FakeChatModel model = FakeChatModel.ofMessages(
                calls(new ToolCall("c1", "hang", "{}"), new ToolCall("c2", "nope", "{}")), AiMessage.of("ok"));
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model))
                .tools(MethodTools.from(new Lookup())).returnIntermediateSteps(true).build();

        long start = System.nanoTime();
        AgentResult result = executor.run("q");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.intermediateSteps()).extracting(AgentStep::observation).containsExactly(
                "tool 'hang' did not answer within 100 ms and was stopped; try simpler arguments or another tool.",
                "There is no tool named 'nope'. The tools are [answer, hang]; call one of them.");
    }

    static class Files {
        final List<String> deleted = Collections.synchronizedList(new ArrayList<>());

        @Tool(description = "Deletes a file", needsApproval = true)
        String delete(String path) {
            deleted.add(path);
            return "deleted " + path;
        }
    }

    @Test
    void theApproverAllowsDeniesAndEditsCalls() {
        FakeChatModel model = FakeChatModel.ofMessages(
                calls(new ToolCall("c1", "delete", "{\"path\":\"a.txt\"}"),
                        new ToolCall("c2", "delete", "{\"path\":\"/etc/passwd\"}"),
                        new ToolCall("c3", "delete", "{\"path\":\"b.txt\"}")),
                AiMessage.of("finished"));
        Files files = new Files();
        List<ToolCall> seen = Collections.synchronizedList(new ArrayList<>());
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model))
                .tools(MethodTools.from(files)).returnIntermediateSteps(true)
                .approver(call -> {
                    seen.add(call);
                    if (call.arguments().contains("passwd")) {
                        return Approval.deny("system files are off limits");
                    }
                    return call.arguments().contains("b.txt") ? Approval.edit("{\"path\":\"b.bak\"}") : Approval.allow();
                })
                .build();

        AgentResult result = executor.run("clean up");

        assertThat(seen).extracting(ToolCall::name, c -> c.id().orElseThrow()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("delete", "c1"), org.assertj.core.groups.Tuple.tuple("delete", "c2"),
                org.assertj.core.groups.Tuple.tuple("delete", "c3"));
        assertThat(files.deleted).containsExactlyInAnyOrder("a.txt", "b.bak");
        assertThat(result.intermediateSteps()).extracting(AgentStep::observation).containsExactly(
                "deleted a.txt",
                "The call to tool 'delete' was denied: system files are off limits. Do not repeat it; answer without it or try something else.",
                "deleted b.bak");
        assertThat(result.intermediateSteps().get(2).action().arguments()).isEqualTo("{\"path\":\"b.bak\"}");
        assertThat(toolMessages(model.requests().get(1)).get(1).text()).contains("was denied");
    }

    @Test
    void withoutAnApproverACallThatNeedsApprovalIsDenied() {
        FakeChatModel model = FakeChatModel.ofMessages(calls(new ToolCall("c1", "delete", "{\"path\":\"a\"}")), AiMessage.of("ok"));
        Files files = new Files();
        AgentResult result = AgentExecutor.builder(new ToolCallingAgent(model)).tools(MethodTools.from(files))
                .returnIntermediateSteps(true).build().run("go");
        assertThat(files.deleted).isEmpty();
        assertThat(result.intermediateSteps().get(0).observation()).contains("no approver is configured");
    }

    @Test
    void stepsStreamAsTypedEvents() {
        FakeChatModel model = FakeChatModel.ofMessages(
                calls(new ToolCall("c1", "add", "{\"a\":2,\"b\":3}")), AiMessage.of("The sum is 5"));
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model)).tools(MethodTools.from(new Calculator())).build();

        List<AgentEvent> events;
        try (Stream<AgentEvent> stream = executor.streamEvents(AgentRequest.of("2+3?"), RunConfig.defaults())) {
            events = stream.toList();
        }

        assertThat(events.get(0)).isInstanceOfSatisfying(AgentEvent.Action.class,
                a -> assertThat(a.action().arguments()).isEqualTo("{\"a\":2,\"b\":3}"));
        assertThat(events.get(1)).isInstanceOfSatisfying(AgentEvent.Observation.class,
                o -> assertThat(o.step().observation()).isEqualTo("5"));
        List<String> tokens = events.stream().filter(AgentEvent.AnswerToken.class::isInstance)
                .map(e -> ((AgentEvent.AnswerToken) e).text()).toList();
        assertThat(tokens).hasSizeGreaterThan(1);
        assertThat(String.join("", tokens)).isEqualTo("The sum is 5");
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(AgentEvent.Finished.class,
                f -> assertThat(f.result().output()).isEqualTo("The sum is 5"));
    }

    @Test
    void pastTurnsOfASessionReachTheModel() {
        FakeChatModel model = FakeChatModel.of("Hello Ann", "Your name is Ann");
        ListHistory history = new ListHistory();
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model, "Be brief."))
                .tools(MethodTools.from(new Calculator())).history(history).build();

        executor.run("s1", "My name is Ann");
        AgentResult second = executor.run("s1", "What is my name?");
        executor.run("s2", "Who am I?");

        assertThat(second.output()).isEqualTo("Your name is Ann");
        assertThat(model.requests().get(1).messages()).containsExactly(ChatMessage.system("Be brief."),
                ChatMessage.user("My name is Ann"), ChatMessage.ai("Hello Ann"), ChatMessage.user("What is my name?"));
        assertThat(model.requests().get(2).messages()).containsExactly(ChatMessage.system("Be brief."), ChatMessage.user("Who am I?"));
        assertThat(history.messages("s1")).hasSize(4);
    }

    @Test
    void everyModelAndToolCallIsAChildRunOfTheAgent() {
        List<RunInfo> runs = Collections.synchronizedList(new ArrayList<>());
        CallbackHandler recorder = new CallbackHandler() {
            @Override
            public void onStart(RunInfo run, Object input) {
                runs.add(run);
            }
        };
        FakeChatModel model = FakeChatModel.ofMessages(calls(new ToolCall("c1", "add", "{\"a\":2,\"b\":3}")), AiMessage.of("5"));
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model)).tools(MethodTools.from(new Calculator())).build();

        executor.invoke(AgentRequest.of("2+3"), RunConfig.builder().callbacks(recorder).build());

        RunInfo root = runs.get(0);
        assertThat(root.kind()).isEqualTo("agent");
        assertThat(runs.subList(1, runs.size())).extracting(RunInfo::kind).containsExactly("chat_model", "tool", "chat_model");
        assertThat(runs.subList(1, runs.size())).allSatisfy(r -> assertThat(r.parentRunId()).contains(root.runId()));
        assertThat(runs.get(2).name()).isEqualTo("add");
    }

    @Test
    void aBuilderWithoutToolsOrWithTwoToolsOfOneNameIsRefused() {
        FakeChatModel model = FakeChatModel.of("x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgentExecutor.builder(new ToolCallingAgent(model)).build())
                .hasMessageContaining("needs at least one tool");
        List<AgentTool> tools = MethodTools.from(new Calculator());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgentExecutor.builder(new ToolCallingAgent(model))
                .tools(tools).tools(tools)).hasMessageContaining("two tools are named 'add'");
    }
}
