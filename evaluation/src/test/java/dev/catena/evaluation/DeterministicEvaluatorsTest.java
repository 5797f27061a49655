package dev.catena.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.prompts.parsers.JsonSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeterministicEvaluatorsTest {

    private static Sample sample(String output, String reference) {
        return Sample.of("q", output, reference);
    }

    @Test
    void exactMatchHonoursItsNormalisationOptions() {
        Sample padded = sample("  Paris\n is  nice ", "paris is nice");
        assertThat(ExactMatchEvaluator.strict().evaluate(padded).score()).isEqualTo(0);
        assertThat(new ExactMatchEvaluator(true, false).evaluate(padded).passed()).isFalse();
        assertThat(new ExactMatchEvaluator(false, true).evaluate(padded).passed()).isFalse();
        assertThat(ExactMatchEvaluator.lenient().evaluate(padded).score()).isEqualTo(1);
        assertThat(ExactMatchEvaluator.strict().evaluate(sample("Paris", "Paris")).passed()).isTrue();
    }

    @Test
    void anEvaluatorNeedingAReferenceFailsVisiblyWithoutOne() {
        EvaluationResult result = ExactMatchEvaluator.strict().safeEvaluate(sample("Paris", null));
        assertThat(result.isFailure()).isTrue();
        assertThat(result.passed()).isFalse();
        assertThat(result.error()).contains("reference");
    }

    @Test
    void regexFindsOrMatchesWhole() {
        assertThat(RegexEvaluator.find("\\d{4}").evaluate(sample("in 1969 it", null)).passed()).isTrue();
        assertThat(new RegexEvaluator(java.util.regex.Pattern.compile("\\d{4}"), true)
                .evaluate(sample("in 1969 it", null)).passed()).isFalse();
        assertThat(RegexEvaluator.find("^no$").evaluate(sample("yes", null)).score()).isEqualTo(0);
    }

    @Test
    void jsonValidityAndEqualityIgnoringKeyOrder() {
        JsonValidityEvaluator validity = new JsonValidityEvaluator();
        assertThat(validity.evaluate(sample("{\"a\": [1, 2]}", null)).passed()).isTrue();
        EvaluationResult broken = validity.evaluate(sample("{\"a\": ", null));
        assertThat(broken.passed()).isFalse();
        assertThat(broken.reasoning()).isNotBlank();

        JsonEqualityEvaluator equality = new JsonEqualityEvaluator();
        assertThat(equality.evaluate(sample("{\"b\": 2, \"a\": {\"y\": 1, \"x\": 0}}", "{\"a\": {\"x\": 0, \"y\": 1}, \"b\": 2}"))
                .passed()).isTrue();
        assertThat(equality.evaluate(sample("[2, 1]", "[1, 2]")).passed()).isFalse();
        assertThat(equality.evaluate(sample("not json", "[1]")).score()).isEqualTo(0);
        assertThat(equality.safeEvaluate(sample("[1]", "{oops")).error()).contains("reference is not JSON");
    }

    record City(String name, int population, Optional<String> country, List<String> districts) {
    }

    @Test
    void jsonSchemaConformanceOnTheSchemaJsonSchemaWrites() {
        JsonSchemaEvaluator evaluator = new JsonSchemaEvaluator(JsonSchema.of(City.class));
        assertThat(evaluator.evaluate(sample(
                "{\"name\": \"Paris\", \"population\": 2100000, \"country\": null, \"districts\": [\"Marais\"]}", null))
                .passed()).isTrue();
        EvaluationResult wrong = evaluator.evaluate(sample(
                "{\"name\": 3, \"population\": 2.5, \"districts\": [1], \"mayor\": \"x\"}", null));
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.reasoning()).contains("/name: expected", "/population: expected", "/districts/0: expected",
                "missing required property \"country\"", "property \"mayor\" is not allowed");
    }

    @Test
    void schemaValidatorFollowsRefsAndRefusesKeywordsItDoesNotCheck() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode schema = mapper.readTree("""
                {"$defs": {"Colour": {"type": "string", "enum": ["red", "green"]}},
                 "type": "array", "items": {"$ref": "#/$defs/Colour"}}""");
        JsonSchemaValidator validator = new JsonSchemaValidator(schema);
        assertThat(validator.validate(mapper.readTree("[\"red\", \"green\"]"))).isEmpty();
        assertThat(validator.validate(mapper.readTree("[\"blue\"]"))).containsExactly("/0: \"blue\" is not one of [\"red\",\"green\"]");
        assertThatThrownBy(() -> new JsonSchemaValidator(mapper.readTree("{\"type\": \"string\", \"minLength\": 2}"))
                .validate(mapper.readTree("\"a\"")))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("minLength");
    }

    @Test
    void levenshteinAndJaroWinklerOnTextbookPairs() {
        assertThat(StringDistance.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(StringDistance.LEVENSHTEIN.similarity("kitten", "sitting")).isCloseTo(1 - 3.0 / 7, within(1e-9));
        assertThat(StringDistance.LEVENSHTEIN.similarity("", "")).isEqualTo(1);
        assertThat(StringDistance.JARO_WINKLER.similarity("MARTHA", "MARHTA")).isCloseTo(0.9611, within(1e-4));
        assertThat(StringDistance.JARO_WINKLER.similarity("DWAYNE", "DUANE")).isCloseTo(0.84, within(1e-4));
        assertThat(StringDistance.JARO_WINKLER.similarity("DIXON", "DICKSONX")).isCloseTo(0.8133, within(1e-4));
        assertThat(StringDistance.JARO_WINKLER.similarity("abc", "xyz")).isEqualTo(0);

        StringDistanceEvaluator evaluator = new StringDistanceEvaluator(StringDistance.LEVENSHTEIN, 0.5);
        EvaluationResult result = evaluator.evaluate(sample("kitten", "sitting"));
        assertThat(result.score()).isCloseTo(0.5714, within(1e-4));
        assertThat(result.passed()).isTrue();
        assertThat(new StringDistanceEvaluator(StringDistance.LEVENSHTEIN, 0.6).evaluate(sample("kitten", "sitting")).passed())
                .isFalse();
    }

    @Test
    void embeddingDistanceOverAnyEmbeddingModel() {
        Map<String, float[]> vectors = Map.of("a", new float[] {1, 0}, "b", new float[] {1, 1});
        EmbeddingModel fixed = (texts, config) -> texts.stream().map(t -> new Embedding(vectors.get(t))).toList();
        EvaluationResult cosine = new EmbeddingDistanceEvaluator(fixed, Distance.COSINE, 0.8).evaluate(sample("a", "b"));
        assertThat(cosine.score()).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(cosine.passed()).isFalse();
        EvaluationResult euclidean = new EmbeddingDistanceEvaluator(fixed, Distance.EUCLIDEAN, 0.5).evaluate(sample("a", "b"));
        assertThat(euclidean.score()).isCloseTo(0.5, within(1e-6));
        assertThat(euclidean.passed()).isTrue();

        EmbeddingDistanceEvaluator hashing = new EmbeddingDistanceEvaluator(new HashingEmbeddingModel(), Distance.COSINE, 0.99);
        assertThat(hashing.evaluate(sample("the cat sat", "the cat sat")).score()).isCloseTo(1, within(1e-6));
        assertThat(hashing.evaluate(sample("the cat sat", "stock prices fell")).score()).isLessThan(0.5);
    }
}
