package dev.catena.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Passes (score 1) when the output is JSON conforming to a schema (as {@code JsonSchema.of}
 * writes), else scores 0 with the violations as reasoning.
 */
public final class JsonSchemaEvaluator implements Evaluator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonSchemaValidator validator;

    /**
     * Creates the evaluator.
     *
     * @param schema the schema the output must conform to
     */
    public JsonSchemaEvaluator(JsonNode schema) {
        this.validator = new JsonSchemaValidator(schema);
    }

    @Override
    public String name() {
        return "json_schema";
    }

    @Override
    public EvaluationResult evaluate(Sample sample) {
        JsonNode value;
        try {
            value = MAPPER.readTree(sample.output());
        } catch (JsonProcessingException e) {
            return new EvaluationResult(name(), 0, false, "output is not JSON: " + e.getOriginalMessage(), null);
        }
        List<String> violations = validator.validate(value);
        return new EvaluationResult(name(), violations.isEmpty() ? 1 : 0, violations.isEmpty(),
                violations.isEmpty() ? null : String.join("; ", violations), null);
    }
}
