package dev.catena.examples;

import dev.catena.agents.AgentExecutor;
import dev.catena.agents.AgentResult;
import dev.catena.agents.AgentStep;
import dev.catena.agents.ReActAgent;
import dev.catena.agents.toolkits.MathToolkit;
import dev.catena.agents.toolkits.RetrieverTool;
import dev.catena.core.documents.Document;
import dev.catena.models.FakeChatModel;
import dev.catena.retrieval.retrievers.BM25Retriever;
import java.util.List;
import java.util.Map;

/**
 * A ReAct agent, offline, answering a question that needs a knowledge base and arithmetic: it
 * searches the knowledge base for a price with a {@link RetrieverTool} (each passage numbered with
 * its source), computes the yearly cost with the {@link MathToolkit}'s calculator and answers.
 * The scripted model writes the text ReAct format (Thought / Action / Action Input / Final Answer)
 * that any chat model can write, with or without native tool calls; the tools' results are real.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.ReActAgentExample
 * }</pre>
 */
public final class ReActAgentExample {

    private ReActAgentExample() {
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
        RetrieverTool search = RetrieverTool.of(BM25Retriever.builder(docs).k(1).build(), "search_knowledge_base",
                "Searches the product knowledge base: plans, prices, billing");

        FakeChatModel model = FakeChatModel.of(
                "I need the price of the Pro plan.\nAction: search_knowledge_base\nAction Input: Pro plan price per seat",
                " 12 USD per seat per month, so 7 seats for 12 months.\nAction: calculator\nAction Input: {\"expression\": \"12 * 7 * 12\"}",
                " I now know the final answer\nFinal Answer: 7 seats of the Pro plan cost 1008 USD a year (pricing.md).");
        AgentExecutor executor = AgentExecutor.builder(new ReActAgent(model))
                .tool(search)
                .tool(new MathToolkit().calculatorTool())
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
