package dev.catena.prompts.parsers;

import static dev.catena.prompts.parsers.JsonText.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.OutputParserException;
import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.models.PromptValue;
import dev.catena.models.FakeChatModel;
import dev.catena.models.FakeLanguageModel;
import dev.catena.prompts.ChatPromptTemplate;
import dev.catena.prompts.MessageTemplate;
import dev.catena.prompts.PromptTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChainsWithParsersTest {

    record Person(String name, int age) {
    }

    /** Records every finished or failed run: name, kind and parent. */
    static final class Recorder implements CallbackHandler {
        record Entry(UUID id, UUID parent, String name, String kind, boolean failed) {
        }

        final List<Entry> runs = new ArrayList<>();

        @Override
        public synchronized void onEnd(RunInfo run, Object output, Duration elapsed) {
            runs.add(new Entry(run.runId(), run.parentRunId().orElse(null), run.name(), run.kind(), false));
        }

        @Override
        public synchronized void onError(RunInfo run, Throwable error, Duration elapsed) {
            runs.add(new Entry(run.runId(), run.parentRunId().orElse(null), run.name(), run.kind(), true));
        }

        List<String> names() {
            return runs.stream().map(e -> e.name() + (e.failed() ? "!" : "")).toList();
        }
    }

    @Test
    void promptModelParserWithTheFakeChatModelInvokesAndStreams() {
        PromptTemplate prompt = PromptTemplate.fromTemplate("Describe {who} as JSON.");
        FakeChatModel model = FakeChatModel.of("{\"name\": \"Ada\", \"age\": 36}");
        Component<Map<String, Object>, JsonNode> chain = prompt.pipe(model).pipe(new JsonOutputParser());

        assertThat(chain.invoke(Map.of("who", "Ada"))).isEqualTo(json("{\"name\": \"Ada\", \"age\": 36}"));
        assertThat(model.requests().get(0).messages().get(0).text()).isEqualTo("Describe Ada as JSON.");

        try (Stream<JsonNode> steps = chain.stream(Map.of("who", "Ada"))) {
            List<JsonNode> all = steps.toList();
            assertThat(all.size()).isGreaterThan(1);
            assertThat(all.get(0)).isEqualTo(json("{}"));
            assertThat(all.get(all.size() - 1)).isEqualTo(json("{\"name\": \"Ada\", \"age\": 36}"));
        }
    }

    @Test
    void promptModelParserWithTheFakeTextModelInvokesAndStreams() {
        ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(MessageTemplate.user("List three {things}."));
        FakeLanguageModel llm = FakeLanguageModel.of("red, green, blue");
        Component<Map<String, Object>, List<String>> chain = prompt.pipe(llm).pipe(ListOutputParser.commaSeparated());
        assertThat(chain.invoke(Map.of("things", "colours"))).containsExactly("red", "green", "blue");
        assertThat(llm.prompts().get(0)).isEqualTo("Human: List three colours.");
        assertThat(chain.stream(Map.of("things", "colours")).toList())
                .containsExactly(List.of("red"), List.of("green"), List.of("blue"));

        Component<Map<String, Object>, String> text = PromptTemplate.fromTemplate("Say {x}").pipe(FakeLanguageModel.of("hello there world"))
                .pipe(new StringOutputParser());
        List<String> chunks = text.stream(Map.of("x", "hi")).toList();
        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(String.join("", chunks)).isEqualTo("hello there world");
    }

    @Test
    void beanParserAtTheEndOfAChain() {
        BeanOutputParser<Person> parser = BeanOutputParser.of(Person.class);
        PromptTemplate prompt = PromptTemplate.fromTemplate("Extract the person.\n{format_instructions}\n{text}")
                .partial("format_instructions", parser.formatInstructions());
        Person p = prompt.pipe(FakeChatModel.of("```json\n{\"name\": \"Grace\", \"age\": 85}\n```")).pipe(parser)
                .invoke(Map.of("text", "Grace Hopper died at 85."));
        assertThat(p).isEqualTo(new Person("Grace", 85));
    }

    @Test
    void outputFixingParserAsksTheModelAndIsTraced() {
        FakeChatModel fixer = FakeChatModel.of("{\"name\": \"Ada\", \"age\": 36}");
        OutputFixingParser<Person> parser = OutputFixingParser.of(BeanOutputParser.of(Person.class), fixer);
        Recorder recorder = new Recorder();

        Person p = parser.invoke("name: Ada, age: 36", RunConfig.builder().callbacks(recorder).build());

        assertThat(p).isEqualTo(new Person("Ada", 36));
        String sent = fixer.requests().get(0).messages().get(0).text();
        assertThat(sent).contains(BeanOutputParser.of(Person.class).formatInstructions(), "name: Ada, age: 36", "invalid JSON output");
        assertThat(recorder.names()).containsExactly("BeanOutputParser!", "PromptTemplate", "FakeChatModel", "BeanOutputParser",
                "OutputFixingParser");
        UUID root = recorder.runs.get(recorder.runs.size() - 1).id();
        assertThat(recorder.runs.subList(0, 4)).allSatisfy(e -> assertThat(e.parent()).isEqualTo(root));
    }

    @Test
    void outputFixingParserIsBoundedByMaxRetries() {
        FakeChatModel fixer = FakeChatModel.of("still not json", "nope", "{\"name\": \"Ada\", \"age\": 36}");
        OutputFixingParser<Person> parser = new OutputFixingParser<>(BeanOutputParser.of(Person.class), fixer,
                OutputFixingParser.DEFAULT_PROMPT, 2);
        assertThatThrownBy(() -> parser.invoke("bad"))
                .isInstanceOf(OutputParserException.class)
                .satisfies(e -> assertThat(((OutputParserException) e).rawOutput()).isEqualTo("nope"));
        assertThat(fixer.requests()).hasSize(2);
    }

    @Test
    void outputFixingParserKeepsTheOriginalModelTextWhenItGivesUp() {
        FakeChatModel fixer = FakeChatModel.of("still not json", "nope");
        OutputFixingParser<Person> parser = new OutputFixingParser<>(BeanOutputParser.of(Person.class), fixer,
                OutputFixingParser.DEFAULT_PROMPT, 2);
        assertThatThrownBy(() -> parser.invoke("bad"))
                .isInstanceOf(OutputParserException.class)
                .satisfies(e -> assertThat(e.getSuppressed())
                        .extracting(s -> ((OutputParserException) s).rawOutput())
                        .containsExactly("bad", "still not json"));
    }

    @Test
    void customFixPromptIsUsed() {
        FakeChatModel fixer = FakeChatModel.of("YES");
        PromptTemplate custom = PromptTemplate.fromTemplate("Fix [{completion}] per [{instructions}] after [{error}]");
        OutputFixingParser<Boolean> parser = new OutputFixingParser<>(new BooleanOutputParser(), fixer, custom, 1);
        assertThat(parser.parse("maybe")).isTrue();
        assertThat(fixer.requests().get(0).messages().get(0).text()).startsWith("Fix [maybe] per [Answer with YES or NO.] after [");
    }

    @Test
    void retryWithErrorResendsTheOriginalPrompt() {
        PromptTemplate prompt = PromptTemplate.fromTemplate("Is {n} even? Answer YES or NO.");
        FakeChatModel model = FakeChatModel.of("It depends.", "NO");
        RetryWithErrorOutputParser<Boolean> retry = RetryWithErrorOutputParser.of(new BooleanOutputParser(), model);
        Recorder recorder = new Recorder();

        Boolean answer = retry.around(prompt, model).invoke(Map.of("n", 7), RunConfig.builder().callbacks(recorder).build());

        assertThat(answer).isFalse();
        String resent = model.requests().get(1).messages().get(0).text();
        assertThat(resent).startsWith("Prompt:\nIs 7 even? Answer YES or NO.\nCompletion:\nIt depends.\n")
                .contains("Details: neither YES nor NO appears");
        assertThat(recorder.names()).containsExactly("PromptTemplate", "FakeChatModel", "BooleanOutputParser!", "PromptTemplate",
                "FakeChatModel", "BooleanOutputParser", "RetryWithErrorOutputParser", "RetryWithErrorChain");
        assertThatThrownBy(() -> retry.parse("x")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("parseWithPrompt");
        PromptValue pv = prompt.invoke(Map.of("n", 2));
        assertThat(retry.invoke(Map.of("prompt", pv, "completion", "YES"))).isTrue();
    }
}
