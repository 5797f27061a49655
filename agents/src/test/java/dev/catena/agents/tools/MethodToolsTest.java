package dev.catena.agents.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.tools.ToolExecutionException;
import dev.catena.prompts.parsers.Description;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MethodToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    enum Unit { CELSIUS, FAHRENHEIT }

    record Address(String city, String country) {}

    record Person(String name, Address address, List<String> tags) {}

    record Query(@Description("words to search for") String text, int limit) {}

    static class Tools {
        @Tool(description = "Registers people")
        String register(@Description("who to register") Person person, Unit unit, List<Integer> counts,
                Map<String, Double> weights, Optional<String> note, int times, Boolean flag) {
            return person.name() + " in " + person.address().city() + " " + unit + " " + counts + " " + weights
                    + " " + note.orElse("-") + " x" + times + " " + flag;
        }

        @Tool(name = "search_docs", description = "Searches", returnDirect = true, timeoutMillis = 250, needsApproval = true)
        String search(Query query) {
            return query.text() + ":" + query.limit();
        }

        @Tool(description = "Adds two numbers")
        static int add(int a, int b) {
            return a + b;
        }

        @Tool(description = "Fails")
        String fail(String why) {
            throw new IllegalStateException("disk is full: " + why);
        }

        String notATool() {
            return "";
        }
    }

    private static dev.catena.core.tools.Tool tool(List<AgentTool> tools, String name) {
        return tools.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().tool();
    }

    @Test
    void parameterSchemaCoversRecordsEnumsListsMapsOptionalsAndPrimitives() {
        List<AgentTool> tools = MethodTools.from(new Tools());
        assertThat(tools).extracting(AgentTool::name).containsExactly("add", "fail", "register", "search_docs");
        JsonNode schema = JSON.valueToTree(tool(tools, "register").spec().parameters());
        JsonNode props = schema.get("properties");
        assertThat(props.get("person").get("description").asText()).isEqualTo("who to register");
        assertThat(props.get("person").get("properties").get("address").get("properties").has("city")).isTrue();
        assertThat(props.get("person").get("properties").get("tags").get("type").asText()).isEqualTo("array");
        assertThat(props.get("unit").get("enum")).extracting(JsonNode::asText).containsExactly("CELSIUS", "FAHRENHEIT");
        assertThat(props.get("counts").get("items").get("type").asText()).isEqualTo("integer");
        assertThat(props.get("weights").get("additionalProperties").get("type").asText()).isEqualTo("number");
        assertThat(props.get("note").get("type").asText()).isEqualTo("string");
        assertThat(props.get("times").get("type").asText()).isEqualTo("integer");
        assertThat(props.get("flag").get("type").asText()).isEqualTo("boolean");
        assertThat(schema.get("required")).extracting(JsonNode::asText)
                .containsExactly("person", "unit", "counts", "weights", "times", "flag");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void aRecordParameterIsTheArgumentsObjectAndTheAnnotationSetsTheOptions() {
        AgentTool search = MethodTools.from(new Tools()).stream().filter(t -> t.name().equals("search_docs")).findFirst().orElseThrow();
        JsonNode schema = JSON.valueToTree(search.tool().spec().parameters());
        assertThat(schema.get("properties").get("text").get("description").asText()).isEqualTo("words to search for");
        assertThat(search.options().returnDirect()).isTrue();
        assertThat(search.options().needsApproval()).isTrue();
        assertThat(search.options().timeout()).hasMillis(250);
        assertThat(search.tool().execute("{\"text\":\"cats\",\"limit\":3}")).isEqualTo("cats:3");
    }

    @Test
    void argumentsAreConvertedWithJackson() {
        String out = tool(MethodTools.from(new Tools()), "register").execute("""
                {"person":{"name":"Ann","address":{"city":"Oslo","country":"NO"},"tags":["a"]},"unit":"CELSIUS",
                 "counts":[1,2],"weights":{"x":0.5},"times":2,"flag":true}""");
        assertThat(out).isEqualTo("Ann in Oslo CELSIUS [1, 2] {x=0.5} - x2 true");
    }

    @Test
    void staticMethodsFromTheClassAndResultsAsJson() {
        List<AgentTool> tools = MethodTools.from(StaticOnly.class);
        assertThat(tools.get(0).tool().execute("{\"a\":2,\"b\":3}")).isEqualTo("[2,3]");
        assertThatThrownBy(() -> MethodTools.from(Tools.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass an instance of Tools");
    }

    static class StaticOnly {
        @Tool(description = "Pairs")
        static List<Integer> pair(int a, int b) {
            return List.of(a, b);
        }
    }

    @Test
    void everyWrongArgumentIsNamedForTheModel() {
        dev.catena.core.tools.Tool add = tool(MethodTools.from(new Tools()), "add");
        assertThatThrownBy(() -> add.execute("{\"a\":\"two\",\"c\":1}"))
                .isInstanceOf(ToolExecutionException.class)
                .hasMessageContaining("argument 'a' must be of type integer, got \"two\"")
                .hasMessageContaining("missing required argument 'b' (of type integer)")
                .hasMessageContaining("unknown argument 'c'")
                .hasMessageContaining("call the tool again with corrected arguments");
        assertThatThrownBy(() -> add.execute("{\"a\": 1,"))
                .isInstanceOf(ToolExecutionException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> add.execute("[1,2]"))
                .isInstanceOf(ToolExecutionException.class).hasMessageContaining("must be one JSON object");
        assertThatThrownBy(() -> tool(MethodTools.from(new Tools()), "register").execute(
                "{\"person\":{\"name\":\"A\",\"address\":null,\"tags\":[]},\"unit\":\"KELVIN\",\"counts\":[],\"weights\":{},\"times\":1,\"flag\":false}"))
                .hasMessageContaining("argument 'unit' must be one of [CELSIUS, FAHRENHEIT], got \"KELVIN\";");
        assertThatThrownBy(() -> tool(MethodTools.from(new Tools()), "register").execute(
                "{\"person\":{\"name\":\"A\",\"address\":{\"city\":\"x\",\"zip\":1},\"tags\":[]},\"unit\":\"CELSIUS\",\"counts\":[\"x\"],\"weights\":{},\"times\":1,\"flag\":false}"))
                .hasMessageContaining("argument 'person' must be of type object, got").hasMessageContaining("Unrecognized field \"zip\"")
                .hasMessageContaining("argument 'counts' must be of type array, got [\"x\"] (Cannot deserialize value of type `java.lang.Integer`");
    }

    @Test
    void aFailingMethodBecomesAToolExecutionException() {
        assertThatThrownBy(() -> tool(MethodTools.from(new Tools()), "fail").execute("{\"why\":\"logs\"}"))
                .isInstanceOf(ToolExecutionException.class).hasMessage("tool 'fail' failed: disk is full: logs");
    }

    @Test
    void aClassWithoutToolsIsRefused() {
        assertThatThrownBy(() -> MethodTools.from(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no method annotated with @");
    }

    @Test
    void functionToolChecksRequiredArguments() {
        FunctionTool echo = FunctionTool.of("echo", "Repeats a text",
                Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string")), "required", List.of("text")),
                args -> args.get("text").asText().toUpperCase());
        assertThat(echo.execute("{\"text\":\"hi\"}")).isEqualTo("HI");
        assertThatThrownBy(() -> echo.execute("{}")).isInstanceOf(ToolExecutionException.class)
                .hasMessageContaining("missing required argument(s) 'text'");
    }
}
