package dev.catena.examples;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.catena.chains.extraction.ExtractionChain;
import dev.catena.models.FakeChatModel;
import java.util.List;

/**
 * Extraction to Java records: with the schema in the prompt (a list of people), with the schema as
 * the model's native JSON-schema response format, and with a broken reply repaired by the
 * output-fixing parser. The models answer from a script, offline.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.ExtractionExample
 * }</pre>
 */
public final class ExtractionExample {

    /** What is extracted. */
    record Person(String name, int age, String city) {
    }

    private ExtractionExample() {
    }

    public static void main(String[] args) {
        String text = "Alice, 30, moved to Hangzhou last year; her brother Bob (27) still lives in Beijing.";

        ExtractionChain<List<Person>> people = ExtractionChain.builder(FakeChatModel.of("""
                        ```json
                        [{"name": "Alice", "age": 30, "city": "Hangzhou"}, {"name": "Bob", "age": 27, "city": "Beijing"}]
                        ```"""),
                new TypeReference<List<Person>>() { }).build();
        System.out.println("schema in the prompt: " + people.extract(text));

        FakeChatModel structured = FakeChatModel.of("{\"name\": \"Alice\", \"age\": 30, \"city\": \"Hangzhou\"}");
        ExtractionChain<Person> nativeSchema = ExtractionChain.builder(structured, Person.class).nativeJsonSchema().build();
        System.out.println("native JSON schema: " + nativeSchema.extract(text));
        System.out.println("response format sent: " + structured.requests().get(0).responseFormat().orElseThrow().type()
                + " named " + structured.requests().get(0).responseFormat().orElseThrow().name());

        FakeChatModel sloppy = FakeChatModel.of("{\"name\": \"Bob\", \"age\": \"twenty-seven\", \"city\": \"Beijing\"}");
        FakeChatModel fixer = FakeChatModel.of("{\"name\": \"Bob\", \"age\": 27, \"city\": \"Beijing\"}");
        ExtractionChain<Person> fixing = ExtractionChain.builder(sloppy, Person.class).fixWith(fixer).build();
        System.out.println("fixed: " + fixing.extract("Bob is twenty-seven and lives in Beijing."));
        System.out.println("fix requests: " + fixer.requests().size());
    }
}
