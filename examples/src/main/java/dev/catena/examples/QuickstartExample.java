package dev.catena.examples;

import dev.catena.core.AiMessage;
import dev.catena.core.ChatMessage;
import dev.catena.core.ChatModel;
import dev.catena.core.Component;
import dev.catena.core.PromptValue;
import dev.catena.core.RunConfig;
import dev.catena.core.tracing.ConsoleTracer;
import dev.catena.models.FakeChatModel;
import java.util.List;
import java.util.Map;

/**
 * The README's first command runs this: a prompt, a chat model and a parser piped into one chain,
 * run offline with a scripted model, and its run tree printed by the {@link ConsoleTracer}.
 * (A placeholder until the real prompt templates and parsers land; it uses plain functions for them.)
 */
public final class QuickstartExample {

    private QuickstartExample() {
    }

    public static void main(String[] args) {
        // Offline: the model answers from a script, so this needs no API key.
        ChatModel model = FakeChatModel.of("Catena chains prompts, models and parsers on the JVM.");

        Component<Map<String, Object>, PromptValue> prompt = Component.of("prompt", vars -> PromptValue.of(List.of(
                ChatMessage.system("You answer in one sentence."),
                ChatMessage.user("What is " + vars.get("topic") + "?"))));
        Component<AiMessage, String> parser = Component.of("parser", AiMessage::text);
        Component<Map<String, Object>, String> chain = prompt.pipe(model).pipe(parser);

        RunConfig traced = RunConfig.builder().callbacks(new ConsoleTracer()).tags("quickstart").build();
        String answer = chain.invoke(Map.of("topic", "Catena"), traced);

        System.out.println();
        System.out.println("Answer: " + answer);
    }
}
