package app.modular;

import dev.catena.core.components.Component;
import dev.catena.models.FakeChatModel;
import dev.catena.models.openai.OpenAiChatModel;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.parsers.BeanOutputParser;
import java.util.Map;

/** A modular application: a chain whose parser binds the answer to a record of this module. */
public final class Main {
    private Main() {
    }

    /** What the model is asked for. */
    public record Concept(String name, String explanation) {
    }

    public static void main(String[] args) {
        BeanOutputParser<Concept> parser = BeanOutputParser.of(Concept.class);
        Component<Map<String, Object>, Concept> chain = PromptTemplate.fromTemplate("Explain {concept}.\n{format}")
                .partial("format", parser.formatInstructions())
                .pipe(FakeChatModel.of("{\"name\": \"chain\", \"explanation\": \"components run in order\"}"))
                .pipe(parser);
        Concept concept = chain.invoke(Map.of("concept", "a chain"));
        // Building an HTTP client loads OkHttp and the Kotlin runtime under it.
        OpenAiChatModel.builder().apiKey("sk-not-used").model("gpt-4o-mini").build();
        System.out.println("on the module path: " + concept.name() + " - " + concept.explanation()
                + " (" + Main.class.getModule().getName() + ")");
    }
}
