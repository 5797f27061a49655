package dev.catena.examples;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.ChatModel;
import dev.catena.core.tracing.ConsoleTracer;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.ChatPromptTemplate;
import dev.catena.prompts.MessageTemplate;
import dev.catena.prompts.parsers.StringOutputParser;
import java.util.Map;

/**
 * The README's first command runs this: a chat prompt template, a chat model and a string parser
 * piped into one chain ({@code prompt.pipe(model).pipe(parser)}), run once with the
 * {@link ConsoleTracer} printing its run tree, then streamed. Offline: the model answers from a
 * script, so it needs no API key and no network.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.QuickstartExample
 * }</pre>
 */
public final class QuickstartExample {

    private QuickstartExample() {
    }

    public static void main(String[] args) {
        ChatModel model = FakeChatModel.of(
                "Catena chains prompts, models and parsers on the JVM.",
                "LangChain 是一个用语言模型构建端到端应用的框架。");

        ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(
                MessageTemplate.system("You answer in one sentence."),
                MessageTemplate.user("What is {topic}?"));
        Component<Map<String, Object>, String> chain = prompt.pipe(model).pipe(new StringOutputParser());

        RunConfig traced = RunConfig.builder().callbacks(new ConsoleTracer()).tags("quickstart").build();
        String answer = chain.invoke(Map.of("topic", "Catena"), traced);
        System.out.println();
        System.out.println("Answer: " + answer);

        System.out.print("Streamed: ");
        try (var chunks = chain.stream(Map.of("topic", "LangChain"))) {
            chunks.forEach(chunk -> System.out.print("[" + chunk + "]"));
        }
        System.out.println();
    }
}
