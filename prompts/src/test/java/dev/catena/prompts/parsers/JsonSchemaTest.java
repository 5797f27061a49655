package dev.catena.prompts.parsers;

import static dev.catena.prompts.parsers.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.OutputParserException;
import dev.catena.models.FakeChatModel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSchemaTest {

    record Account(String user, @JsonIgnore String passwordHash, int logins) {
    }

    sealed interface Shape permits Circle, Square {
    }

    record Circle(double radius) implements Shape {
    }

    record Square(double side) implements Shape {
    }

    record Drawing(String title, Shape main, List<Shape> others) {
    }

    record TreeNode(String label, List<TreeNode> children) {
    }

    enum Unit { CELSIUS, FAHRENHEIT }

    record Everything(int count, Integer boxed, long big, double ratio, boolean flag, Boolean maybe, String text, Unit unit,
                      Optional<String> note, List<Integer> numbers, Map<String, Double> prices, Account nested) {
    }

    @Test
    void jsonIgnoreLeavesThePropertyOutSoValidOutputIsAccepted() {
        ObjectNode schema = JsonSchema.of(Account.class);
        assertThat(schema.get("properties").has("passwordHash")).isFalse();
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactly("user", "logins");
        Account a = BeanOutputParser.of(Account.class).parse("{\"user\": \"ada\", \"logins\": 3}");
        assertThat(a).isEqualTo(new Account("ada", null, 3));
    }

    @Test
    void aSealedInterfaceIsAnyOfItsPermittedRecords() {
        ObjectNode schema = JsonSchema.of(Drawing.class);
        JsonNode main = resolve(schema, schema.at("/properties/main"));
        assertThat(main.get("anyOf")).hasSize(2);
        List<String> alternatives = new ArrayList<>();
        for (JsonNode branch : main.get("anyOf")) {
            alternatives.add(resolve(schema, branch).get("properties").fieldNames().next());
        }
        assertThat(alternatives).containsExactly("radius", "side");
        assertStrict(schema);
    }

    @Test
    void aRecursiveTypeIsDefinedOnceAndReferred() {
        ObjectNode schema = JsonSchema.of(TreeNode.class);
        assertThat(schema.toString()).contains("\"$ref\"");
        TreeNode tree = BeanOutputParser.of(TreeNode.class)
                .parse("{\"label\": \"root\", \"children\": [{\"label\": \"leaf\", \"children\": []}]}");
        assertThat(tree.children().get(0).label()).isEqualTo("leaf");
    }

    @Test
    void everyKindOfPropertyToolsUse() {
        ObjectNode schema = JsonSchema.of(Everything.class);
        assertThat(schema).isEqualTo(json("""
                {"type": "object", "properties": {
                   "count": {"type": "integer"}, "boxed": {"type": "integer"}, "big": {"type": "integer"},
                   "ratio": {"type": "number"}, "flag": {"type": "boolean"}, "maybe": {"type": "boolean"},
                   "text": {"type": "string"}, "unit": {"type": "string", "enum": ["CELSIUS", "FAHRENHEIT"]},
                   "note": {"type": ["string", "null"]},
                   "numbers": {"type": "array", "items": {"type": "integer"}},
                   "prices": {"type": "object", "additionalProperties": {"type": "number"}},
                   "nested": {"type": "object", "properties": {"user": {"type": "string"}, "logins": {"type": "integer"}},
                              "required": ["user", "logins"], "additionalProperties": false}},
                 "required": ["count", "boxed", "big", "ratio", "flag", "maybe", "text", "unit", "note", "numbers", "prices", "nested"],
                 "additionalProperties": false}
                """));
        assertThat(JsonSchema.of(new TypeReference<List<Account>>() { }.getType()).at("/items/properties/user/type").asText())
                .isEqualTo("string");
    }

    @Test
    void schemasMeetOpenAiStrictRules() {
        for (Class<?> type : List.of(Account.class, Drawing.class, TreeNode.class, BeanOutputParserTest.Person.class)) {
            assertStrict(JsonSchema.of(type));
        }
    }

    /** OpenAI strict structured outputs: every object lists all its properties as required and forbids others. */
    private static void assertStrict(JsonNode node) {
        if (node.isObject()) {
            if (node.has("properties")) {
                List<String> names = new ArrayList<>();
                node.get("properties").fieldNames().forEachRemaining(names::add);
                List<String> required = new ArrayList<>();
                node.path("required").forEach(r -> required.add(r.asText()));
                assertThat(required).as("required of %s", node).containsExactlyElementsOf(names);
                assertThat(node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean())
                        .as("additionalProperties false in %s", node).isTrue();
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                assertStrict(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(JsonSchemaTest::assertStrict);
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/$defs/") ? root.path("$defs").path(ref.substring(8)) : node;
    }

    /** A class Jackson cannot create: no default constructor, no creator. */
    static final class NoCreator {
        private final String name;

        NoCreator(String name, int ignored) {
            this.name = name;
        }

        public String getName() {
            return name;
        }
    }

    @Test
    void aTypeThatCannotBeBoundIsAConfigurationErrorNoModelIsAskedToFix() {
        BeanOutputParser<NoCreator> parser = BeanOutputParser.of(NoCreator.class);
        assertThatThrownBy(() -> parser.parse("{\"name\": \"x\"}"))
                .isInstanceOf(OutputParserConfigurationException.class)
                .isNotInstanceOf(OutputParserException.class)
                .hasMessageContaining("NoCreator");
        FakeChatModel fixer = FakeChatModel.of("{\"name\": \"y\"}");
        assertThatThrownBy(() -> OutputFixingParser.of(parser, fixer).invoke("{\"name\": \"x\"}"))
                .isInstanceOf(OutputParserConfigurationException.class);
        assertThat(fixer.requests()).isEmpty();
        dev.catena.core.components.RunConfig config = dev.catena.core.components.RunConfig.defaults();
        assertThatThrownBy(() -> RetryWithErrorOutputParser.of(parser, fixer).parseWithPrompt("{\"name\": \"x\"}",
                dev.catena.prompts.PromptTemplate.fromTemplate("q").call(Map.of(), config), config))
                .isInstanceOf(OutputParserConfigurationException.class);
        assertThat(fixer.requests()).isEmpty();
    }

    @Test
    void nullableFieldsMayBeNullOrMissingInTheOutput() {
        record Contact(String name, Optional<String> email) {
        }
        BeanOutputParser<Contact> parser = BeanOutputParser.of(Contact.class);
        assertThat(parser.parse("{\"name\": \"Ada\", \"email\": null}")).isEqualTo(new Contact("Ada", Optional.empty()));
        assertThat(parser.parse("{\"name\": \"Ada\"}")).isEqualTo(new Contact("Ada", Optional.empty()));
        assertThatThrownBy(() -> parser.parse("{\"name\": null, \"email\": \"a@b\"}")).isInstanceOf(OutputParserException.class)
                .hasMessageContaining("required field 'name' is missing");
    }
}
