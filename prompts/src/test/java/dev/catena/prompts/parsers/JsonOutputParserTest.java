package dev.catena.prompts.parsers;

import static dev.catena.prompts.parsers.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.OutputParserException;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonOutputParserTest {

    @Test
    void partialJsonIsClosedAsLangChainDoes() {
        String[][] cases = {
                {"{\"foo\": \"bar\", \"bar\": \"foo\"}", "{\"foo\": \"bar\", \"bar\": \"foo\"}"},
                {"{\"foo\": \"bar\", \"bar\": \"foo", "{\"foo\": \"bar\", \"bar\": \"foo\"}"},
                {"{\"foo\": \"bar\", \"bar\": \"foo}", "{\"foo\": \"bar\", \"bar\": \"foo}\"}"},
                {"{\"foo\": \"bar\", \"bar\": \"foo[", "{\"foo\": \"bar\", \"bar\": \"foo[\"}"},
                {"{\"foo\": \"bar\", \"bar\": \"foo\\\"", "{\"foo\": \"bar\", \"bar\": \"foo\\\"\"}"},
                {"{\"foo\": \"bar\", \"bar\":", "{\"foo\": \"bar\"}"},
                {"{\"foo\": \"bar\", \"bar\"", "{\"foo\": \"bar\"}"},
                {"{\"foo\": \"bar\", ", "{\"foo\": \"bar\"}"},
                {"{\"foo\":\"bar\\", "{\"foo\": \"bar\"}"},
                {"{\"a\": [1, 2", "{\"a\": [1, 2]}"},
                {"{\"a\": [{\"b\": tru", "{\"a\": [{}]}"},
                {"[", "[]"},
                {"{", "{}"},
                {"{\"text\": \"line one\nline two", "{\"text\": \"line one\\nline two\"}"},
        };
        for (String[] c : cases) {
            assertThat(PartialJson.parsePartial(c[0])).as(c[0]).isEqualTo(json(c[1]));
        }
        assertThat(PartialJson.parsePartial("{\"a\": 1]")).isNull(); // mismatched bracket
        assertThat(PartialJson.parsePartial("no json")).isNull();
    }

    @Test
    void readsFencedJsonAndJsonInProse() {
        JsonOutputParser p = new JsonOutputParser();
        JsonNode expected = json("{\"name\": \"Ada\", \"tags\": [\"math\"]}");
        assertThat(p.parse("{\"name\": \"Ada\", \"tags\": [\"math\"]}")).isEqualTo(expected);
        assertThat(p.parse("```json\n{\"name\": \"Ada\", \"tags\": [\"math\"]}\n```")).isEqualTo(expected);
        assertThat(p.parse("Here it is:\n```json\n{\"name\": \"Ada\", \"tags\": [\"math\"]}\n```\nAnything else?")).isEqualTo(expected);
        assertThat(p.parse("```\n{\"name\": \"Ada\", \"tags\": [\"math\"]}```")).isEqualTo(expected);
        assertThat(p.parse("Sure! The person is {\"name\": \"Ada\", \"tags\": [\"math\"]} as requested.")).isEqualTo(expected);
        assertThat(p.parse("[1, 2, 3]")).isEqualTo(json("[1, 2, 3]"));
        assertThat(p.parse("{\"name\": \"Ada\", \"tags\": [\"ma")).isEqualTo(json("{\"name\": \"Ada\", \"tags\": [\"ma\"]}"));
        assertThat(p.invoke(AiMessage.of("{\"ok\": true}"))).isEqualTo(json("{\"ok\": true}"));
    }

    @Test
    void badJsonFailsWithTheRawText() {
        JsonOutputParser p = new JsonOutputParser();
        assertThatThrownBy(() -> p.parse("I cannot answer that."))
                .isInstanceOf(OutputParserException.class)
                .satisfies(e -> assertThat(((OutputParserException) e).rawOutput()).isEqualTo("I cannot answer that."));
        assertThatThrownBy(() -> p.parse("{\"a\": 1]")).isInstanceOf(OutputParserException.class);
    }

    @Test
    void streamingYieldsProgressivelyMoreCompleteObjects() {
        List<JsonNode> steps = new JsonOutputParser().transform(
                Stream.<Object>of("```json\n{\"na", "me\": \"Ad", "a\", \"ag", "e\": 3", "6, \"langs\": [\"en", "\", \"fr\"]}\n```"),
                RunConfig.defaults()).toList();
        assertThat(steps).containsExactly(
                json("{}"),
                json("{\"name\": \"Ad\"}"),
                json("{\"name\": \"Ada\"}"),
                json("{\"name\": \"Ada\", \"age\": 3}"),
                json("{\"name\": \"Ada\", \"age\": 36, \"langs\": [\"en\"]}"),
                json("{\"name\": \"Ada\", \"age\": 36, \"langs\": [\"en\", \"fr\"]}"));
    }

    @Test
    void streamingTextThatNeverParsesFailsAtTheEnd() {
        Stream<JsonNode> steps = new JsonOutputParser().transform(Stream.<Object>of("no ", "json ", "here"), RunConfig.defaults());
        assertThatThrownBy(steps::toList).isInstanceOf(OutputParserException.class);
    }
}
