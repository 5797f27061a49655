package dev.catena.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a JSON value against the schema subset {@code JsonSchema.of} writes: {@code type} (one or
 * a list), {@code properties}, {@code required}, {@code additionalProperties} (a boolean or a
 * schema), {@code items}, {@code enum}, {@code const}, {@code anyOf}, {@code oneOf} (treated as
 * anyOf), and {@code $ref} to {@code #/$defs/..} or {@code #/definitions/..}. Other keywords are
 * refused, so a schema is never half-checked silently.
 */
public final class JsonSchemaValidator {

    private static final List<String> KNOWN = List.of("type", "properties", "required", "additionalProperties",
            "items", "enum", "const", "anyOf", "oneOf", "$ref", "$defs", "definitions", "$schema", "$id",
            "description", "title", "default", "examples");

    private final JsonNode root;

    /**
     * Creates a validator for a schema.
     *
     * @param schema the schema, as {@code JsonSchema.of} writes it
     */
    public JsonSchemaValidator(JsonNode schema) {
        this.root = Objects.requireNonNull(schema, "schema");
    }

    /**
     * {@return the violations found, each with its JSON pointer; empty when the value conforms}
     *
     * @param value the value to check
     */
    public List<String> validate(JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(root, value, "", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                errors.add(where(at) + ": no value is allowed here");
            }
            return;
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!KNOWN.contains(keyword)) {
                throw new EvaluationException("the schema uses \"" + keyword + "\", which this validator does not check;"
                        + " it knows " + KNOWN);
            }
        }
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asText()), value, at, errors);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(where(at) + ": expected " + schema.get("type") + " but found " + kind(value));
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                errors.add(where(at) + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(where(at) + ": expected " + schema.get("const"));
        }
        for (String alternatives : List.of("anyOf", "oneOf")) {
            if (schema.has(alternatives)) {
                boolean any = false;
                for (JsonNode option : schema.get(alternatives)) {
                    List<String> optionErrors = new ArrayList<>();
                    check(option, value, at, optionErrors);
                    any |= optionErrors.isEmpty();
                }
                if (!any) {
                    errors.add(where(at) + ": matches none of the " + alternatives + " alternatives");
                }
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, at, errors);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "/" + i, errors);
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, List<String> errors) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(where(at) + ": missing required property \"" + required.asText() + "\"");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = at + "/" + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), path, errors);
            } else if (schema.has("additionalProperties")) {
                JsonNode additional = schema.get("additionalProperties");
                if (additional.isBoolean() && !additional.booleanValue()) {
                    errors.add(where(at) + ": property \"" + field.getKey() + "\" is not allowed");
                } else if (additional.isObject()) {
                    check(additional, field.getValue(), path, errors);
                }
            }
        }
    }

    private JsonNode resolve(String ref) {
        JsonNode target = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
        if (target == null || target.isMissingNode()) {
            throw new EvaluationException("the schema refers to " + ref + ", which is not in it; only local"
                    + " references such as #/$defs/Name are followed");
        }
        return target;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new EvaluationException("the schema names an unknown type \"" + type.asText() + "\"");
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String where(String at) {
        return at.isEmpty() ? "/" : at;
    }
}
