package dev.catena.examples;

import dev.catena.core.components.Component;
import dev.catena.models.FakeChatModel;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.parsers.BeanOutputParser;
import dev.catena.prompts.parsers.Description;
import dev.catena.prompts.parsers.JsonOutputParser;
import dev.catena.prompts.parsers.ListOutputParser;
import dev.catena.prompts.parsers.OutputFixingParser;
import java.util.List;
import java.util.Map;

/**
 * Output parsers: a record extracted from text with format instructions from its JSON schema,
 * a list, streamed partial JSON, and a parser that asks the model to fix bad output. The models
 * are scripted fakes, so it runs offline.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.OutputParserExample
 * }</pre>
 */
public final class OutputParserExample {

    /** What we want out of the text. */
    public record Person(@Description("the person's full name") String name,
                         @Description("age in years") int age,
                         @Description("programming languages they created or used") List<String> languages) {
    }

    private OutputParserExample() {
    }

    public static void main(String[] args) {
        BeanOutputParser<Person> parser = BeanOutputParser.of(Person.class);
        PromptTemplate prompt = PromptTemplate.fromTemplate("Extract the person from the text.\n{format_instructions}\nText: {text}")
                .partial("format_instructions", parser.formatInstructions());
        System.out.println(prompt.format(Map.of("text", "Grace Hopper, 85, created COBOL.")));
        System.out.println("----");

        FakeChatModel model = FakeChatModel.of(
                "Here you go:\n```json\n{\"name\": \"Grace Hopper\", \"age\": 85, \"languages\": [\"COBOL\", \"FLOW-MATIC\"]}\n```");
        Person person = prompt.pipe(model).pipe(parser).invoke(Map.of("text", "Grace Hopper, 85, created COBOL."));
        System.out.println("extracted: " + person);

        List<String> colours = ListOutputParser.commaSeparated().parse("red, green, blue");
        System.out.println("list: " + colours);

        // Streaming JSON: each step is a more complete object.
        Component<Map<String, Object>, com.fasterxml.jackson.databind.JsonNode> streaming = PromptTemplate.fromTemplate("{q}")
                .pipe(FakeChatModel.of("{\"city\": \"Paris\", \"sights\": [\"Louvre\", \"Eiffel Tower\"]}"))
                .pipe(new JsonOutputParser());
        streaming.stream(Map.of("q", "A city as JSON")).forEach(step -> System.out.println("step: " + step));

        // Bad output is sent back to a model with the error and the instructions.
        OutputFixingParser<Person> fixing = OutputFixingParser.of(parser,
                FakeChatModel.of("{\"name\": \"Ada Lovelace\", \"age\": 36, \"languages\": []}"));
        System.out.println("fixed: " + fixing.parse("Ada Lovelace (36)"));
    }
}
