package dev.catena.examples;

import dev.catena.agents.AgentEvent;
import dev.catena.agents.AgentExecutor;
import dev.catena.agents.AgentRequest;
import dev.catena.agents.ToolCallingAgent;
import dev.catena.agents.tools.MethodTools;
import dev.catena.agents.tools.Tool;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.parsers.Description;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A tool-calling agent whose tools are annotated Java methods, offline: the scripted model asks
 * for the weather in two cities at once (the two calls run concurrently), gets one argument wrong,
 * reads the error the tool binding wrote for it, corrects the call and answers. Each step is
 * printed as it streams.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.ToolCallingAgentExample
 * }</pre>
 */
public final class ToolCallingAgentExample {

    private ToolCallingAgentExample() {
    }

    /** Temperature units the weather tool knows. */
    public enum Unit {
        /** Degrees Celsius. */
        CELSIUS,
        /** Degrees Fahrenheit. */
        FAHRENHEIT
    }

    /** The agent's tools: plain methods, described by annotations. */
    static final class WeatherDesk {
        private static final Map<String, Double> CELSIUS = Map.of("Oslo", 4.0, "Paris", 11.0);

        @Tool(description = "Current temperature of a city")
        String weather(@Description("city name, in English") String city, @Description("unit of the answer") Unit unit) {
            Double celsius = CELSIUS.get(city);
            if (celsius == null) {
                return "no weather station in " + city;
            }
            return unit == Unit.CELSIUS ? celsius + " °C" : (celsius * 9 / 5 + 32) + " °F";
        }
    }

    /**
     * Runs the agent and prints each step.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        FakeChatModel model = FakeChatModel.ofMessages(
                AiMessage.ofToolCalls(List.of(
                        new ToolCall("call_1", "weather", "{\"city\":\"Oslo\",\"unit\":\"CELSIUS\"}"),
                        new ToolCall("call_2", "weather", "{\"city\":\"Paris\",\"unit\":\"kelvin\"}"))),
                AiMessage.ofToolCalls(List.of(new ToolCall("call_3", "weather", "{\"city\":\"Paris\",\"unit\":\"CELSIUS\"}"))),
                AiMessage.of("Paris is warmer: 11.0 °C against 4.0 °C in Oslo."));
        AgentExecutor executor = AgentExecutor.builder(new ToolCallingAgent(model, "Answer with the tools' numbers."))
                .tools(MethodTools.from(new WeatherDesk()))
                .maxIterations(5)
                .build();

        StringBuilder answer = new StringBuilder();
        try (Stream<AgentEvent> events = executor.streamEvents(AgentRequest.of("Is it warmer in Oslo or in Paris?"),
                RunConfig.defaults())) {
            events.forEach(event -> {
                if (event instanceof AgentEvent.Action action) {
                    System.out.println("action: " + action.action().tool() + " " + action.action().arguments());
                } else if (event instanceof AgentEvent.Observation observation) {
                    System.out.println("observation: " + observation.step().observation());
                } else if (event instanceof AgentEvent.AnswerToken token) {
                    answer.append(token.text());
                } else if (event instanceof AgentEvent.Finished finished) {
                    System.out.println("answer: " + answer + " (" + finished.result().stopReason() + ")");
                }
            });
        }
    }
}
