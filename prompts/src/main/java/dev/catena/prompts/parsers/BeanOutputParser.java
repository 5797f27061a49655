package dev.catena.prompts.parsers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.catena.core.OutputParserException;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * A Java record or class read from the model's JSON answer, as LangChain's
 * {@code PydanticOutputParser}: {@link #formatInstructions()} shows the JSON schema generated from
 * the type ({@link JsonSchema}), and parsing reads the JSON (fenced, with prose, or unfinished, as
 * {@link JsonOutputParser}), checks that every field that may not be null is there, and binds it
 * with Jackson. Errors in the output are {@link OutputParserException}s naming the field, for
 * example {@code address.city}; a type that cannot be bound or described is an
 * {@link OutputParserConfigurationException}, which no retry parser sends back to a model.
 *
 * <pre>{@code
 * record Person(@Description("full name") String name, int age) {}
 * BeanOutputParser<Person> parser = BeanOutputParser.of(Person.class);
 * Person p = parser.parse("{\"name\": \"Ada Lovelace\", \"age\": 36}");
 * }</pre>
 *
 * @param <T> the target type
 */
public final class BeanOutputParser<T> implements OutputParser<T> {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final JavaType type;
    private final ObjectNode schema;
    private final String instructions;

    private BeanOutputParser(Type type) {
        this.type = MAPPER.constructType(Objects.requireNonNull(type, "type"));
        this.schema = JsonSchema.of(type);
        ObjectNode shown = schema.deepCopy();
        shown.remove("type"); // as LangChain, the top-level type is left out of the instructions
        String schemaText;
        try {
            schemaText = MAPPER.writeValueAsString(shown);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the schema of " + type, e);
        }
        this.instructions = "The output must be a JSON instance that conforms to the JSON schema below.\n\n"
                + "For example, for the schema {\"properties\": {\"foo\": {\"title\": \"Foo\", \"description\": \"a list of strings\","
                + " \"type\": \"array\", \"items\": {\"type\": \"string\"}}}, \"required\": [\"foo\"]}\n"
                + "the object {\"foo\": [\"bar\", \"baz\"]} conforms to the schema, while the object"
                + " {\"properties\": {\"foo\": [\"bar\", \"baz\"]}} does not.\n\n"
                + "Here is the output schema:\n```\n" + schemaText + "\n```";
    }

    /**
     * {@return a parser for a record or class}
     *
     * @param <T> the type to parse into
     * @param type its class
     */
    public static <T> BeanOutputParser<T> of(Class<T> type) {
        return new BeanOutputParser<>(type);
    }

    /**
     * {@return a parser for a generic type, such as {@code List<Person>} from a {@code TypeReference}}
     *
     * @param <T> the type to parse into
     * @param type a {@code new TypeReference<List<Person>>() {}} or similar
     */
    public static <T> BeanOutputParser<T> of(com.fasterxml.jackson.core.type.TypeReference<T> type) {
        return new BeanOutputParser<>(type.getType());
    }

    @Override
    public T parse(String text) {
        JsonNode node = PartialJson.parseMarkdown(text);
        if (node == null) {
            throw new OutputParserException("invalid JSON output", text, expected());
        }
        checkRequired(schema, node, "", text);
        try {
            return MAPPER.treeToValue(node, type);
        } catch (InvalidDefinitionException e) {
            // The type, not the output, is wrong: asking a model to fix the output cannot help.
            if (deniedByModule(e)) {
                Class<?> raw = type.getRawClass();
                throw new OutputParserConfigurationException("cannot bind JSON to " + type.toString() + ": module "
                        + raw.getModule().getName() + " does not open package " + raw.getPackageName() + " to Jackson;"
                        + " add 'opens " + raw.getPackageName() + " to com.fasterxml.jackson.databind;' to its"
                        + " module-info.java (see docs/modules.md)", e);
            }
            throw new OutputParserConfigurationException("cannot bind JSON to " + type.toString() + ": " + e.getOriginalMessage()
                    + "; give the type a constructor Jackson can use (a record, or @JsonCreator), or Jackson subtype"
                    + " annotations for an interface", e);
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new OutputParserException("field '" + (field.isEmpty() ? "(root)" : field) + "' has the wrong type or value: "
                    + e.getOriginalMessage(), text, expected(), e);
        } catch (JsonProcessingException e) {
            throw new OutputParserException("could not bind JSON: " + e.getOriginalMessage(), text, expected(), e);
        }
    }

    /** Whether Jackson failed because the module system denied it reflection into the type's package. */
    private static boolean deniedByModule(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.lang.reflect.InaccessibleObjectException) {
                return true;
            }
        }
        return false;
    }

    private String expected() {
        return "JSON matching the schema of " + type.getRawClass().getSimpleName();
    }

    /** Checks that every property the schema does not let be null is present, naming the first one missing. */
    private void checkRequired(JsonNode schemaNode, JsonNode value, String path, String text) {
        JsonNode node = resolve(schemaNode);
        JsonNode single = singleNonNullBranch(node);
        if (single != null) {
            checkRequired(single, value, path, text);
            return;
        }
        if (hasType(node, "object") && node.has("properties")) {
            if (!value.isObject()) {
                throw new OutputParserException("field '" + (path.isEmpty() ? "(root)" : path) + "' should be a JSON object",
                        text, expected());
            }
            Iterator<Map.Entry<String, JsonNode>> props = node.get("properties").fields();
            while (props.hasNext()) {
                Map.Entry<String, JsonNode> p = props.next();
                JsonNode v = value.get(p.getKey());
                if (v == null || v.isNull()) {
                    if (!allowsNull(p.getValue())) {
                        throw new OutputParserException("required field '" + join(path, p.getKey()) + "' is missing", text, expected());
                    }
                } else {
                    checkRequired(p.getValue(), v, join(path, p.getKey()), text);
                }
            }
        } else if (hasType(node, "array") && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isNull()) {
                    checkRequired(node.path("items"), value.get(i), path + "[" + i + "]", text);
                }
            }
        }
    }

    /** A {@code $ref} into this schema's {@code $defs}, followed. */
    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            String r = ref.asText();
            if (r.equals("#")) {
                return schema;
            }
            if (r.startsWith("#/$defs/")) {
                return schema.path("$defs").path(r.substring("#/$defs/".length()));
            }
        }
        return node;
    }

    /** For {@code anyOf: [{"type": "null"}, X]}: X. */
    private JsonNode singleNonNullBranch(JsonNode node) {
        JsonNode anyOf = node.get("anyOf");
        if (anyOf == null || !anyOf.isArray()) {
            return null;
        }
        JsonNode other = null;
        for (JsonNode branch : anyOf) {
            if (!hasType(branch, "null")) {
                if (other != null) {
                    return null; // a real choice (a sealed type): Jackson checks it when binding
                }
                other = branch;
            }
        }
        return other;
    }

    private boolean allowsNull(JsonNode property) {
        JsonNode node = resolve(property);
        if (hasType(node, "null")) {
            return true;
        }
        for (JsonNode branch : node.path("anyOf")) {
            if (hasType(branch, "null")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(JsonNode node, String name) {
        JsonNode type = node.get("type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals(name);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** {@return the generated schema (a copy)} */
    public ObjectNode schema() {
        return schema.deepCopy();
    }

    @Override
    public String formatInstructions() {
        return instructions;
    }

    @Override
    public String name() {
        return "BeanOutputParser";
    }
}
