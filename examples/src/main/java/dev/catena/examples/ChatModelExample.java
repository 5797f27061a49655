package dev.catena.examples;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatPromptValue;
import dev.catena.models.ChatModels;
import dev.catena.models.UsageTracker;
import java.util.List;
import java.util.stream.Stream;

/**
 * Streams a reply token by token from whichever chat model the environment points at: OpenAI (or
 * any OpenAI-compatible server via OPENAI_BASE_URL) or Anthropic; with no key set it chooses the
 * offline scripted model explicitly, and its first line says which it runs on. A {@link UsageTracker} callback counts the tokens of the streamed call, under
 * the model name the client reports in its run metadata.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.ChatModelExample
 * }</pre>
 */
public final class ChatModelExample {

    private ChatModelExample() {
    }

    public static void main(String[] args) {
        // no key set: run on the offline scripted model, on purpose and saying so (fromEnvironment() would throw)
        ChatModel model = ChatModels.findInEnvironment().orElseGet(ChatModels::offline);
        System.out.println("Model: " + ChatModels.describe(model));

        UsageTracker usage = new UsageTracker();
        RunConfig config = RunConfig.builder().callbacks(usage).build();
        ChatPromptValue prompt = new ChatPromptValue(List.of(
                ChatMessage.system("You are a concise assistant."),
                ChatMessage.user("What is Catena, in one sentence?")));

        int chunks = 0;
        try (Stream<AiMessage> stream = model.stream(prompt, config)) {
            for (AiMessage chunk : (Iterable<AiMessage>) stream::iterator) {
                System.out.print(chunk.text());
                System.out.flush();
                chunks++;
            }
        }
        System.out.println();
        System.out.println("Chunks: " + chunks);
        System.out.println("Tokens: " + usage.total());
        System.out.println("Calls by model: " + usage.calls());
    }
}
