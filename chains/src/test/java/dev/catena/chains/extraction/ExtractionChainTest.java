package dev.catena.chains.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.catena.chains.ChainValidationException;
import dev.catena.core.OutputParserException;
import dev.catena.core.models.ResponseFormat;
import dev.catena.models.FakeChatModel;
import dev.catena.models.FakeLanguageModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionChainTest {

    record Person(String name, int age) {
    }

    @Test
    void extractsARecordWithTheSchemaInThePrompt() {
        FakeChatModel model = FakeChatModel.of("```json\n{\"name\": \"Alice\", \"age\": 30}\n```");
        ExtractionChain<Person> chain = ExtractionChain.builder(model, Person.class).build();

        assertThat(chain.extract("Alice is 30 years old.")).isEqualTo(new Person("Alice", 30));
        String prompt = model.requests().get(0).messages().get(0).text();
        assertThat(prompt).contains("JSON schema").contains("\"age\"").endsWith("Text:\nAlice is 30 years old.");
        assertThat(model.requests().get(0).responseFormat()).isEmpty();
    }

    @Test
    void extractsAListOfRecords() {
        ExtractionChain<List<Person>> chain = ExtractionChain.builder(
                FakeLanguageModel.of("[{\"name\": \"Alice\", \"age\": 30}, {\"name\": \"Bob\", \"age\": 4}]"),
                new TypeReference<List<Person>>() { }).build();
        assertThat(chain.extract("Alice is 30, Bob is 4.")).containsExactly(new Person("Alice", 30), new Person("Bob", 4));
    }

    @Test
    void theNativeSchemaTravelsAsTheResponseFormatNotInThePrompt() {
        FakeChatModel model = FakeChatModel.of("{\"name\": \"Bob\", \"age\": 4}");
        ExtractionChain<Person> chain = ExtractionChain.builder(model, Person.class).nativeJsonSchema().build();

        assertThat(chain.extract("Bob is four.")).isEqualTo(new Person("Bob", 4));
        ResponseFormat format = model.requests().get(0).responseFormat().orElseThrow();
        assertThat(format.type()).isEqualTo(ResponseFormat.Type.JSON_SCHEMA);
        assertThat(format.name()).isEqualTo("Person");
        assertThat(format.schema()).containsKey("properties");
        assertThat(model.requests().get(0).messages().get(0).text()).doesNotContain("JSON schema");
    }

    @Test
    void theNativeSchemaNeedsAChatModelAndAnObject() {
        assertThatThrownBy(() -> ExtractionChain.builder(FakeLanguageModel.of("x"), Person.class).nativeJsonSchema().build())
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("ChatModel");
        assertThatThrownBy(() -> ExtractionChain.builder(FakeChatModel.of("x"), new TypeReference<List<Person>>() { })
                .nativeJsonSchema().build())
                .isInstanceOf(ChainValidationException.class).hasMessageContaining("object");
    }

    @Test
    void aReplyThatDoesNotParseFailsWithoutFixingAndIsRepairedWithIt() {
        String broken = "{\"name\": \"Alice\", \"age\": \"thirty\"}";
        assertThatThrownBy(() -> ExtractionChain.builder(FakeChatModel.of(broken), Person.class).build().extract("Alice, 30"))
                .isInstanceOf(OutputParserException.class);

        FakeChatModel fixer = FakeChatModel.of("{\"name\": \"Alice\", \"age\": 30}");
        ExtractionChain<Person> chain = ExtractionChain.builder(FakeChatModel.of(broken), Person.class).fixWith(fixer).build();
        assertThat(chain.extract("Alice, 30")).isEqualTo(new Person("Alice", 30));
        assertThat(fixer.requests().get(0).messages().get(0).text()).contains("thirty");
        assertThat(chain.prompts()).containsKeys("extract", "fix");
    }
}
