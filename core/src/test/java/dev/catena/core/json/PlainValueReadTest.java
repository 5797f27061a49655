package dev.catena.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming plain-value reader behind kept LangChain fields ({@code additional_kwargs},
 * {@code response_metadata}, artifacts, usage details) gives what Jackson's own
 * {@code readValue(…, Object.class)} gives, types of numbers included, from text and from a tree.
 */
class PlainValueReadTest {

    private static final List<String> VALUES = List.of(
            "{}", "[]", "null", "true", "false", "\"text \\u4f60\\u597d\"", "0", "-7", "2147483647", "2147483648",
            "9223372036854775807", "92233720368547758070", "1.5", "-0.0", "1e300", "1E-5", "3.141592653589793238462643",
            "{\"a\":{\"b\":[1,2.5,\"x\",null,{\"c\":false}]},\"d\":[]}",
            "{\"dup\":1,\"other\":2,\"dup\":[3]}",
            "[[[]],{},[{\"k\":{}}]]");

    @Test
    void readsEveryKindOfValueAsJacksonDoesFromText() throws Exception {
        for (String json : VALUES) {
            Object expected = MessageJson.MAPPER.readValue(json, Object.class);
            try (JsonParser p = MessageJson.MAPPER.createParser(json)) {
                p.nextToken();
                Object actual = JsonTokens.value(p);
                assertThat(actual).as(json).isEqualTo(expected);
                assertThat(classes(actual)).as(json).isEqualTo(classes(expected));
                assertThat(p.nextToken()).as("the parser ends on the value's last token: " + json).isNull();
            }
        }
    }

    @Test
    void readsATreeAsJacksonDoes() throws Exception {
        for (String json : VALUES) {
            Object expected = MessageJson.MAPPER.treeToValue(MessageJson.parse(json), Object.class);
            try (JsonParser p = MessageJson.parse(json).traverse(MessageJson.MAPPER)) {
                p.nextToken();
                Object actual = JsonTokens.value(p);
                assertThat(actual).as(json).isEqualTo(expected);
                assertThat(classes(actual)).as(json).isEqualTo(classes(expected));
            }
        }
    }

    /** The value's shape with every leaf replaced by its class, so Integer 1 and Long 1 differ. */
    private static Object classes(Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, classes(v)));
            return List.of(value.getClass(), out);
        }
        if (value instanceof List<?> list) {
            return List.of(value.getClass(), list.stream().map(PlainValueReadTest::classes).toList());
        }
        return value == null ? "null" : value.getClass();
    }
}
