package dev.catena.examples;

import dev.catena.agents.services.AiServices;
import dev.catena.agents.services.SessionId;
import dev.catena.agents.services.SystemPrompt;
import dev.catena.agents.services.UserPrompt;
import dev.catena.agents.services.Var;
import dev.catena.agents.toolkits.MathToolkit;
import dev.catena.agents.tools.AgentTool;
import dev.catena.core.documents.Document;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.memory.InMemoryChatMessageHistory;
import dev.catena.models.FakeChatModel;
import dev.catena.retrieval.retrievers.BM25Retriever;
import java.util.List;
import java.util.Map;

/**
 * A typed AI service, offline: a Java interface whose method carries its prompts, implemented by
 * {@link AiServices} with memory (a {@link SessionId} parameter picks the conversation), a
 * retriever whose passages fill {@code {context}}, and the toolkits' calculator. The example prints
 * {@link AiServices#describe} and then two turns of one session; the second turn's question only
 * makes sense with the first one, and the model sees it because the service keeps the session. The
 * model is scripted ({@link FakeChatModel}); retrieval, memory and the calculator are real.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.AiServiceExample
 * }</pre>
 */
public final class AiServiceExample {

    private AiServiceExample() {
    }

    /** The service: one method, its prompts, a session id and the question. */
    public interface SupportDesk {
        /**
         * Answers a customer's question in their session.
         *
         * @param session the conversation
         * @param question the customer's question
         * @return the answer
         */
        @SystemPrompt("You answer questions about our plans from these passages, citing their sources;"
                + " use the calculator for arithmetic.\n{context}")
        @UserPrompt("{question}")
        String answer(@SessionId String session, @Var("question") String question);
    }

    /**
     * Builds the service, prints its description and two turns of one session.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        List<Document> docs = List.of(
                Document.of("The Pro plan costs 12 USD per seat per month, billed yearly.", Map.of("source", "pricing.md")),
                Document.of("The Free plan allows 3 users and 1 GB of storage.", Map.of("source", "plans.md")),
                Document.of("Invoices are sent on the first day of each month.", Map.of("source", "billing.md")));
        FakeChatModel model = FakeChatModel.ofMessages(
                AiMessage.of("The Pro plan costs 12 USD per seat per month, billed yearly (pricing.md)."),
                AiMessage.ofToolCalls(List.of(new ToolCall("call_1", "calculator", "{\"expression\":\"12 * 7 * 12\"}"))),
                AiMessage.of("7 seats of the Pro plan cost 1008 USD a year (pricing.md)."));
        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        SupportDesk desk = AiServices.builder(SupportDesk.class, model)
                .history(history)
                .retriever(BM25Retriever.builder(docs).k(1).build())
                .tools(new MathToolkit().tools().stream().map(AgentTool::of).toList())
                .build();

        System.out.println("model: scripted FakeChatModel (offline)");
        System.out.println(AiServices.describe(desk).strip());
        System.out.println();
        ask(desk, "What does the Pro plan cost per seat?");
        ask(desk, "And the yearly cost of 7 Pro plan seats?");

        System.out.println("the model's last request:");
        for (ChatMessage message : model.requests().get(model.requests().size() - 1).messages()) {
            String text = message instanceof AiMessage ai && !ai.toolCalls().isEmpty()
                    ? "calls " + ai.toolCalls().get(0).name() + " " + ai.toolCalls().get(0).arguments()
                    : message.text().replace("\n", " / ");
            System.out.println("  " + message.getClass().getSimpleName() + ": " + text);
        }
        System.out.println("session alice keeps " + history.messages("alice").size() + " messages");
    }

    private static void ask(SupportDesk desk, String question) {
        System.out.println("alice: " + question);
        System.out.println("desk: " + desk.answer("alice", question));
    }
}
