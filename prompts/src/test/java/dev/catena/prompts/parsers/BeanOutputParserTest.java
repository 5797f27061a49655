package dev.catena.prompts.parsers;

import static dev.catena.prompts.parsers.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.catena.core.OutputParserException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeanOutputParserTest {

    /** A field-only {@code @Nullable}, like Spring's or Jakarta's: it cannot sit on a record component. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.FIELD)
    @interface Nullable {
    }

    record Renamed(@com.fasterxml.jackson.annotation.JsonProperty("full_name") String fullName, @Nullable String nickname) {
    }

    @Test
    void recordComponentsUseJacksonRenamesAndFieldOnlyNullables() {
        BeanOutputParser<Renamed> parser = BeanOutputParser.of(Renamed.class);
        assertThat(parser.schema().get("properties").has("full_name")).isTrue();
        assertThat(parser.schema().get("required")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .containsExactly("full_name", "nickname");
        assertThat(parser.schema().at("/properties/nickname")).isEqualTo(json("{\"type\": [\"string\", \"null\"]}"));
        assertThat(parser.parse("{\"full_name\": \"Ada Lovelace\"}")).isEqualTo(new Renamed("Ada Lovelace", null));
    }

    enum Role { ENGINEER, MANAGER }

    record Address(@Description("city name") String city, Optional<String> zip) {
    }

    @Description("a person mentioned in the text")
    record Person(@Description("full name") String name, int age, Role role, Address address,
                  List<String> languages, Map<String, Integer> scores, LocalDate born) {
    }

    static class Pet {
        public String name;
        public double weight;
        public transient String ignored;
        public static String alsoIgnored;
    }

    @Test
    void schemaOfANestedRecord() {
        assertThat(JsonSchema.of(Person.class)).isEqualTo(json("""
                {"type": "object", "description": "a person mentioned in the text",
                 "properties": {
                   "name": {"type": "string", "description": "full name"},
                   "age": {"type": "integer"},
                   "role": {"type": "string", "enum": ["ENGINEER", "MANAGER"]},
                   "address": {"type": "object",
                               "properties": {"city": {"type": "string", "description": "city name"},
                                              "zip": {"type": ["string", "null"]}},
                               "required": ["city", "zip"], "additionalProperties": false},
                   "languages": {"type": "array", "items": {"type": "string"}},
                   "scores": {"type": "object", "additionalProperties": {"type": "integer"}},
                   "born": {"type": "string", "format": "date"}},
                 "required": ["name", "age", "role", "address", "languages", "scores", "born"],
                 "additionalProperties": false}
                """));
    }

    @Test
    void schemaOfAClassAndAGenericList() {
        assertThat(JsonSchema.of(Pet.class)).isEqualTo(json("""
                {"type": "object", "properties": {"name": {"type": "string"}, "weight": {"type": "number"}},
                 "required": ["name", "weight"], "additionalProperties": false}"""));
        assertThat(JsonSchema.of(new TypeReference<List<Pet>>() { }.getType()).get("type").asText()).isEqualTo("array");
    }

    @Test
    void formatInstructionsShowTheSchemaWithoutTheTopLevelType() {
        String instructions = BeanOutputParser.of(Address.class).formatInstructions();
        assertThat(instructions).contains("JSON schema",
                "```\n{\"properties\":{\"city\":{\"type\":\"string\",\"description\":\"city name\"},"
                        + "\"zip\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"city\",\"zip\"],\"additionalProperties\":false}\n```");
    }

    @Test
    void parsesARecordFromFencedJson() {
        Person p = BeanOutputParser.of(Person.class).parse("""
                Here is the person:
                ```json
                {"name": "Ada Lovelace", "age": 36, "role": "ENGINEER",
                 "address": {"city": "London"}, "languages": ["en", "fr"], "scores": {"math": 10}, "born": "1815-12-10"}
                ```""");
        assertThat(p).isEqualTo(new Person("Ada Lovelace", 36, Role.ENGINEER, new Address("London", Optional.empty()),
                List.of("en", "fr"), Map.of("math", 10), LocalDate.of(1815, 12, 10)));
    }

    @Test
    void parsesClassesAndLists() {
        List<Pet> pets = BeanOutputParser.of(new TypeReference<List<Pet>>() { }).parse("[{\"name\": \"Rex\", \"weight\": 12.5}]");
        assertThat(pets).hasSize(1);
        assertThat(pets.get(0).name).isEqualTo("Rex");
        assertThat(pets.get(0).weight).isEqualTo(12.5);
    }

    @Test
    void validationErrorsNameTheField() {
        BeanOutputParser<Person> parser = BeanOutputParser.of(Person.class);
        String missingCity = "{\"name\": \"Ada\", \"age\": 36, \"role\": \"ENGINEER\", \"address\": {\"zip\": \"N1\"},"
                + " \"languages\": [], \"scores\": {}, \"born\": \"1815-12-10\"}";
        assertThatThrownBy(() -> parser.parse(missingCity)).isInstanceOf(OutputParserException.class)
                .hasMessageContaining("required field 'address.city' is missing")
                .satisfies(e -> assertThat(((OutputParserException) e).rawOutput()).isEqualTo(missingCity));
        String badAge = missingCity.replace("\"age\": 36", "\"age\": \"old\"").replace("{\"zip\": \"N1\"}", "{\"city\": \"London\"}");
        assertThatThrownBy(() -> parser.parse(badAge)).isInstanceOf(OutputParserException.class).hasMessageContaining("field 'age'");
        String badRole = badAge.replace("\"age\": \"old\"", "\"age\": 36").replace("ENGINEER", "PILOT");
        assertThatThrownBy(() -> parser.parse(badRole)).isInstanceOf(OutputParserException.class).hasMessageContaining("field 'role'");
        assertThatThrownBy(() -> parser.parse("not json")).isInstanceOf(OutputParserException.class).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> BeanOutputParser.of(new TypeReference<List<Pet>>() { }).parse("[{\"weight\": 1}]"))
                .isInstanceOf(OutputParserException.class).hasMessageContaining("'[0].name'");
    }
}
