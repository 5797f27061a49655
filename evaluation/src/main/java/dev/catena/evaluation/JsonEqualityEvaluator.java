package dev.catena.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Passes (score 1) when output and reference are equal JSON values: object key order is ignored,
 * array order is not. An output that is not JSON scores 0; a reference that is not JSON is a
 * mistake in the dataset and fails the evaluation.
 */
public final class JsonEqualityEvaluator implements Evaluator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Creates the evaluator. */
    public JsonEqualityEvaluator() {
    }

    @Override
    public String name() {
        return "json_equality";
    }

    @Override
    public EvaluationResult evaluate(Sample sample) {
        JsonNode reference;
        try {
            reference = MAPPER.readTree(sample.requireReference(name()));
        } catch (JsonProcessingException e) {
            throw new EvaluationException("the reference is not JSON (" + e.getOriginalMessage() + "); fix the dataset", e);
        }
        try {
            // ObjectNode equality compares its fields as a map: order does not count.
            return EvaluationResult.ofPass(name(), MAPPER.readTree(sample.output()).equals(reference));
        } catch (JsonProcessingException e) {
            return new EvaluationResult(name(), 0, false, "output is not JSON: " + e.getOriginalMessage(), null);
        }
    }
}
