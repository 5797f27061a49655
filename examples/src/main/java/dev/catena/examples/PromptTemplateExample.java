package dev.catena.examples;

import dev.catena.core.components.Component;
import dev.catena.core.messages.ChatMessage;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.ChatPromptTemplate;
import dev.catena.prompts.MessageTemplate;
import dev.catena.prompts.MessagesPlaceholder;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.TemplateFormat;
import dev.catena.prompts.parsers.StringOutputParser;
import java.util.List;
import java.util.Map;

/**
 * Prompt templates: the seed document's two templates, a Mustache template for JSON-heavy text,
 * a chat template with a history placeholder, and a prompt → model → parser chain on a fake model.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.PromptTemplateExample
 * }</pre>
 */
public final class PromptTemplateExample {

    private PromptTemplateExample() {
    }

    public static void main(String[] args) {
        // The seed's templates (section 8.2).
        PromptTemplate english = PromptTemplate.fromTemplate("\nExplain the concept of {concept} in couple of lines\n");
        System.out.println("prompt=" + english.format(Map.of("concept", "regularization")));

        PromptTemplate chinese = PromptTemplate.fromTemplate("请给我解释一下{concept}的意思");
        System.out.println("input variables: " + chinese.inputVariables());
        System.out.println("prompt=" + chinese.format(Map.of("concept", "人工智能")));

        // Literal braces: doubled in f-strings, plain in Mustache.
        PromptTemplate json = PromptTemplate.fromTemplate("Answer as {\"answer\": \"{{answer}}\"}", TemplateFormat.MUSTACHE);
        System.out.println(json.format(Map.of("answer", "42")));

        // A chat prompt with chat history spliced in.
        ChatPromptTemplate chat = ChatPromptTemplate.fromMessages(
                MessageTemplate.system("You are a patient teacher."),
                MessagesPlaceholder.optional("history"),
                MessageTemplate.user("请给我解释一下{concept}的意思"));
        List<ChatMessage> history = List.of(ChatMessage.user("Hi"), ChatMessage.ai("Hello! What shall we learn?"));
        System.out.println(chat.format(Map.of("concept", "人工智能", "history", history)));

        // prompt | model | parser, on a scripted model so it runs offline.
        Component<Map<String, Object>, String> chain = chinese
                .pipe(FakeChatModel.of("人工智能是让机器模拟人类智能的技术。"))
                .pipe(new StringOutputParser());
        System.out.println("answer=" + chain.invoke(Map.of("concept", "人工智能")));
    }
}
