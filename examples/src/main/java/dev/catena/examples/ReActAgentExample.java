package dev.catena.examples;

import dev.catena.agents.AgentExecutor;
import dev.catena.agents.AgentResult;
import dev.catena.agents.AgentStep;
import dev.catena.agents.ReActAgent;
import dev.catena.agents.tools.FunctionTool;
import dev.catena.agents.tools.MethodTools;
import dev.catena.agents.tools.Tool;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.parsers.Description;
import dev.catena.retrieval.retrievers.BM25Retriever;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A ReAct agent, offline, answering a question that needs a knowledge base and arithmetic: it
 * searches the knowledge base for a price (each passage shown with its source), multiplies with
 * a calculator tool and answers. The scripted model writes the text ReAct format (Thought /
 * Action / Action Input / Final Answer) that any chat model can write, with or without native
 * tool calls; the tools' results are real.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.ReActAgentExample
 * }</pre>
 */
public final class ReActAgentExample {

    private ReActAgentExample() {
    }

    /** The calculator tool: exact integer arithmetic on the numbers the model passes. */
    static final class Calculator {
        @Tool(description = "Multiplies whole numbers exactly")
        static long multiply(@Description("the numbers to multiply") List<Long> factors) {
            return factors.stream().reduce(1L, Math::multiplyExact);
        }
    }

    /**
     * Runs the agent and prints its steps and answer.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        List<Document> docs = List.of(
                Document.of("The Pro plan costs 12 USD per seat per month, billed yearly.", Map.of("source", "pricing.md")),
                Document.of("The Free plan allows 3 seats and 1 GB of storage.", Map.of("source", "plans.md")),
                Document.of("Invoices are sent on the first day of each month.", Map.of("source", "billing.md")));
        Retriever retriever = BM25Retriever.builder(docs).k(1).build();
        FunctionTool search = FunctionTool.of("search_knowledge_base", "Searches the product knowledge base",
                Map.of("type", "object", "properties", Map.of("query", Map.of("type", "string")), "required", List.of("query")),
                arguments -> retriever.retrieve(arguments.get("query").asText()).stream()
                        .map(d -> "[" + d.metadata().get("source") + "] " + d.text())
                        .collect(Collectors.joining("\n")));

        FakeChatModel model = FakeChatModel.of(
                "I need the price of the Pro plan.\nAction: search_knowledge_base\nAction Input: Pro plan price per seat",
                " 12 USD per seat per month, so 7 seats for 12 months.\nAction: multiply\nAction Input: {\"factors\": [12, 7, 12]}",
                " I now know the final answer\nFinal Answer: 7 seats of the Pro plan cost 1008 USD a year (pricing.md).");
        AgentExecutor executor = AgentExecutor.builder(new ReActAgent(model))
                .tool(search)
                .tools(MethodTools.from(Calculator.class))
                .returnIntermediateSteps(true)
                .build();

        AgentResult result = executor.run("How much do 7 seats of the Pro plan cost for a year?");
        for (AgentStep step : result.intermediateSteps()) {
            System.out.println("action: " + step.action().tool() + " " + step.action().arguments());
            System.out.println("observation: " + step.observation());
        }
        System.out.println("answer: " + result.output());
    }
}
