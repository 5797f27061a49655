package dev.catena.examples;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.TokenCounter;
import dev.catena.memory.BufferMemory;
import dev.catena.memory.ChatMemory;
import dev.catena.memory.InMemoryChatMessageHistory;
import dev.catena.memory.MessageTrimmer;
import dev.catena.memory.SummaryBufferMemory;
import dev.catena.memory.SummaryMemory;
import dev.catena.memory.TokenBufferMemory;
import dev.catena.memory.WindowMemory;
import dev.catena.models.FakeChatModel;
import java.util.List;

/**
 * One conversation, six ways of choosing what goes back into the next prompt: the whole buffer,
 * the last k exchanges, the newest messages within a token budget, a running summary, recent
 * messages plus a summary of older ones, and {@code trimMessages} on a plain list. Runs offline
 * (the summaries come from a scripted fake model).
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.MemoryStrategiesExample
 * }</pre>
 */
public final class MemoryStrategiesExample {

    public static void main(String[] args) {
        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        String session = "demo";
        history.add(session, List.of(
                ChatMessage.system("You are a travel assistant."),
                ChatMessage.user("Hi, I'm Mei. I'm planning a trip to Japan in April."),
                ChatMessage.ai("Lovely! April is cherry-blossom season. Which cities?"),
                ChatMessage.user("Tokyo and Kyoto. 我也想去大阪。"),
                ChatMessage.ai("Tokyo, Kyoto and Osaka make a great loop by Shinkansen."),
                ChatMessage.user("How many days should I spend in Kyoto?"),
                ChatMessage.ai("Three days covers the main temples without rushing.")));
        TokenCounter counter = TokenCounter.forModel("gpt-4o");

        show("buffer (everything)", new BufferMemory(history), session, counter);
        show("window, last 1 exchange", WindowMemory.of(history, 1), session, counter);
        show("token buffer, 60 tokens, system pinned",
                TokenBufferMemory.builder(history).maxTokens(60).tokenCounter(counter).pinSystemMessages(true).build(),
                session, counter);

        FakeChatModel summarizer = FakeChatModel.of("Mei plans an April trip to Tokyo, Kyoto and Osaka; three days in Kyoto.");
        show("summary", SummaryMemory.builder(history, summarizer).pinSystemMessages(true).build(), session, counter);
        System.out.println("  (the summary prompt the model got starts: \""
                + summarizer.requests().get(0).messages().get(0).text().lines().findFirst().orElse("") + "\")");

        FakeChatModel older = FakeChatModel.of("Mei plans an April trip to Tokyo, Kyoto and Osaka.");
        show("summary buffer, 40 tokens verbatim",
                SummaryBufferMemory.builder(history, older).maxTokens(40).tokenCounter(counter).build(), session, counter);

        List<ChatMessage> trimmed = MessageTrimmer.builder(counter).maxTokens(45).includeSystem(true)
                .startOn(ChatMessage.Role.USER).build().trim(history.messages(session));
        System.out.println("== trimMessages, 45 tokens, keep system, start on a user message: "
                + trimmed.size() + " messages, " + cost(trimmed, counter) + " tokens");
        System.out.println(ChatMessage.toBufferString(trimmed));
    }

    private static void show(String title, ChatMemory memory, String session, TokenCounter counter) {
        List<ChatMessage> messages = memory.messages(session);
        System.out.println("== " + title + ": " + messages.size() + " messages, " + cost(messages, counter) + " tokens");
        System.out.println(ChatMessage.toBufferString(messages));
    }

    private static int cost(List<ChatMessage> messages, TokenCounter counter) {
        return messages.stream().mapToInt(counter::count).sum();
    }
}
