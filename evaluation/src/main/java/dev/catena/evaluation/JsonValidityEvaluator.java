package dev.catena.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Passes (score 1) when the output is one well-formed JSON value, else scores 0 with the parser's complaint as reasoning. */
public final class JsonValidityEvaluator implements Evaluator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Creates the evaluator. */
    public JsonValidityEvaluator() {
    }

    @Override
    public String name() {
        return "json_validity";
    }

    @Override
    public EvaluationResult evaluate(Sample sample) {
        try {
            MAPPER.readTree(sample.output());
            return EvaluationResult.ofPass(name(), true);
        } catch (JsonProcessingException e) {
            return new EvaluationResult(name(), 0, false, e.getOriginalMessage(), null);
        }
    }
}
