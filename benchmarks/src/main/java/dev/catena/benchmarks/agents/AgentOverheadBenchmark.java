package dev.catena.benchmarks.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.agents.AgentExecutor;
import dev.catena.agents.AgentResult;
import dev.catena.agents.ToolCallingAgent;
import dev.catena.agents.tools.FunctionTool;
import dev.catena.agents.tools.MethodTools;
import dev.catena.agents.tools.Tool;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the agent loop costs around its model and tools. A model that answers at once asks for a
 * no-op tool five times, then answers; {@code executor} runs that through {@link AgentExecutor} and
 * {@link ToolCallingAgent} (decisions, observations, messages rebuilt each step, a traced run for
 * the executor and each model and tool call), {@code byHand} does the same loop with a list of
 * messages and direct calls. Overhead per step = (executor − byHand) / 5.
 *
 * <p>Tool-argument binding: {@code bindMethodTool} calls a {@code @Tool} method {@code add(int a,
 * int b)} with JSON arguments (parse, check, convert each argument with Jackson, reflective call),
 * {@code bindByHand} parses the same JSON and reads the two ints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentOverheadBenchmark {

    private static final int STEPS = 5;
    private static final AiMessage ANSWER = AiMessage.of("done");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ARGUMENTS = "{\"a\":2,\"b\":3}";

    /** Asks for the tool until it has seen {@link #STEPS} results, then answers. */
    private final ChatModel model = (request, config) -> {
        long results = request.messages().stream().filter(ToolMessage.class::isInstance).count();
        return results < STEPS ? AiMessage.ofToolCalls(List.of(new ToolCall("call_" + results, "noop", "{}"))) : ANSWER;
    };
    private final FunctionTool noop = FunctionTool.of("noop", "Does nothing", null, arguments -> "ok");
    private AgentExecutor executor;
    private dev.catena.core.tools.Tool add;

    /** A calculator with one method tool. */
    public static class Adder {
        /**
         * Adds.
         *
         * @param a one number
         * @param b the other
         * @return the sum
         */
        @Tool(description = "Adds two integers")
        public int add(int a, int b) {
            return a + b;
        }
    }

    /** Builds the executor and the method tool. */
    @Setup
    public void setUp() {
        executor = AgentExecutor.builder(new ToolCallingAgent(model)).tool(noop).maxIterations(STEPS + 1).build();
        add = MethodTools.from(new Adder()).get(0).tool();
    }

    /** {@return the executor's answer after five tool steps} */
    @Benchmark
    public AgentResult executor() {
        return executor.run("go");
    }

    /** {@return the same loop by hand} */
    @Benchmark
    public String byHand() {
        RunConfig config = RunConfig.defaults();
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.user("go"));
        while (true) {
            AiMessage reply = model.generate(ChatRequest.of(messages).withTools(List.of(noop.spec())), config);
            if (!reply.hasToolCalls()) {
                return reply.text();
            }
            messages.add(reply);
            for (ToolCall call : reply.toolCalls()) {
                messages.add(new ToolMessage(call.id().orElse(null), noop.call(call.arguments(), config), call.name()));
            }
        }
    }

    /** {@return a method tool's result, arguments bound from JSON} */
    @Benchmark
    public String bindMethodTool() {
        return add.call(ARGUMENTS, RunConfig.defaults());
    }

    /**
     * {@return the same arguments read by hand}
     *
     * @throws Exception never, the JSON is fixed
     */
    @Benchmark
    public String bindByHand() throws Exception {
        JsonNode node = MAPPER.readTree(ARGUMENTS);
        return String.valueOf(node.get("a").asInt() + node.get("b").asInt());
    }
}
