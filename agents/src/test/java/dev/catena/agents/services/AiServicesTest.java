package dev.catena.agents.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.agents.ListHistory;
import dev.catena.agents.tools.MethodTools;
import dev.catena.agents.tools.Tool;
import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.models.FakeChatModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AiServicesTest {

    enum Sentiment { POSITIVE, NEGATIVE }

    record Person(String name, int age) {}

    @SystemPrompt("You are a {tone} assistant.")
    interface Assistant {
        @UserPrompt("Translate '{text}' into {language}.")
        String translate(String text, @Var("language") String target, @Var("tone") String tone);

        @SystemPrompt("You classify reviews.")
        @UserPrompt("Classify: {review}")
        Sentiment classify(String review);

        @SystemPrompt("You extract people.")
        @UserPrompt("Who is in: {text}")
        Person person(String text);

        @SystemPrompt("You extract people.")
        @UserPrompt("Everyone in: {text}")
        List<Person> people(String text);

        @SystemPrompt("You tell stories.")
        @UserPrompt("A story about {topic}")
        Stream<String> story(String topic);

        default String shout(String text) {
            return text.toUpperCase();
        }
    }

    @Test
    void eachReturnTypeIsParsedFromTheReply() {
        FakeChatModel model = FakeChatModel.of("Bonjour", "NEGATIVE", "{\"name\":\"Ann\",\"age\":41}",
                "[{\"name\":\"Ann\",\"age\":41},{\"name\":\"Bo\",\"age\":7}]", "Once upon a time");
        Assistant assistant = AiServices.builder(Assistant.class, model).build();

        assertThat(assistant.translate("Hello", "French", "polite")).isEqualTo("Bonjour");
        assertThat(assistant.classify("awful")).isEqualTo(Sentiment.NEGATIVE);
        assertThat(assistant.person("Ann, 41")).isEqualTo(new Person("Ann", 41));
        assertThat(assistant.people("Ann and Bo")).containsExactly(new Person("Ann", 41), new Person("Bo", 7));
        List<String> chunks;
        try (Stream<String> story = assistant.story("a fox")) {
            chunks = story.toList();
        }
        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(String.join("", chunks)).isEqualTo("Once upon a time");
        assertThat(assistant.shout("hi")).isEqualTo("HI");

        assertThat(model.requests().get(0).messages()).containsExactly(
                ChatMessage.system("You are a polite assistant."), ChatMessage.user("Translate 'Hello' into French."));
        assertThat(model.requests().get(2).messages().get(1).text()).startsWith("Who is in: Ann, 41\n\n").contains("\"age\"");
        assertThat(model.requests().get(1).messages().get(1).text()).contains("POSITIVE");
    }

    interface Chat {
        @UserPrompt("{message}")
        String chat(@SessionId String session, String message);
    }

    @Test
    void aSessionIdKeepsMemoryAcrossCalls() {
        FakeChatModel model = FakeChatModel.of("Hi Ann", "You are Ann", "I don't know");
        ListHistory history = new ListHistory();
        Chat chat = AiServices.builder(Chat.class, model).history(history).build();

        chat.chat("a", "I am Ann");
        assertThat(chat.chat("a", "Who am I?")).isEqualTo("You are Ann");
        chat.chat("b", "Who am I?");

        assertThat(model.requests().get(1).messages()).containsExactly(ChatMessage.user("I am Ann"),
                ChatMessage.ai("Hi Ann"), ChatMessage.user("Who am I?"));
        assertThat(model.requests().get(2).messages()).containsExactly(ChatMessage.user("Who am I?"));
    }

    static class Clock {
        @Tool(description = "The current hour")
        String hour() {
            return "14";
        }
    }

    interface Helper {
        @SystemPrompt("Use the documents: {context}")
        @UserPrompt("{question}")
        String ask(@SessionId String session, String question);
    }

    @Test
    void toolsRunThroughTheAgentLoopWithRetrievedContextAndMemory() {
        FakeChatModel model = FakeChatModel.ofMessages(
                AiMessage.ofToolCalls(List.of(new ToolCall("c1", "hour", "{}"))), AiMessage.of("It is 14:00; the shop is open."));
        Retriever retriever = (query, config) -> List.of(Document.of("The shop opens at 9.", Map.of("source", "hours.md")));
        ListHistory history = new ListHistory();
        List<RunInfo> runs = Collections.synchronizedList(new ArrayList<>());
        CallbackHandler recorder = new CallbackHandler() {
            @Override
            public void onStart(RunInfo run, Object input) {
                runs.add(run);
            }
        };
        Helper helper = AiServices.builder(Helper.class, model).retriever(retriever).history(history)
                .tools(MethodTools.from(new Clock())).config(RunConfig.builder().callbacks(recorder).build()).build();

        assertThat(helper.ask("s", "Is the shop open?")).isEqualTo("It is 14:00; the shop is open.");

        var second = model.requests().get(1);
        assertThat(second.messages().get(0)).isEqualTo(ChatMessage.system("Use the documents: [hours.md] The shop opens at 9."));
        assertThat(second.messages()).filteredOn(ToolMessage.class::isInstance).extracting(ChatMessage::text).containsExactly("14");
        assertThat(history.messages("s")).containsExactly(ChatMessage.user("Is the shop open?"),
                ChatMessage.ai("It is 14:00; the shop is open."));
        assertThat(runs.get(0).name()).isEqualTo("Helper.ask");
        assertThat(runs.get(0).kind()).isEqualTo("ai_service");
        assertThat(runs.stream().map(RunInfo::kind).collect(Collectors.toSet())).contains("agent", "chat_model", "tool");
    }

    interface Mismatched {
        @UserPrompt("Translate {text} into {language}")
        String translate(String text, String lang);
    }

    interface NoPrompt {
        String chat(String message);
    }

    @Test
    void aMethodWhoseTemplateAndParametersDoNotMatchFailsAtBuildTime() {
        FakeChatModel model = FakeChatModel.of("x");
        assertThatThrownBy(() -> AiServices.builder(Mismatched.class, model).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Mismatched.translate")
                .hasMessageContaining("no parameter fills [language]")
                .hasMessageContaining("no template uses [lang]");
        assertThatThrownBy(() -> AiServices.builder(NoPrompt.class, model).build())
                .hasMessageContaining("NoPrompt.chat has no @UserPrompt");
        assertThatThrownBy(() -> AiServices.builder(Chat.class, model).build())
                .hasMessageContaining("has a @SessionId parameter but the service has no history");
        assertThatThrownBy(() -> AiServices.builder(Chat.class, model).history(new ListHistory())
                .retriever((q, c) -> List.of()).build())
                .hasMessageContaining("no template of this method uses {context}");
    }

    @Test
    void describePrintsThePromptsAndWiringOfEachMethod() {
        Assistant assistant = AiServices.builder(Assistant.class, FakeChatModel.of("x")).build();

        String description = AiServices.describe(assistant);

        assertThat(description).contains("Assistant.translate\n  system: You are a {tone} assistant.\n"
                + "  user: Translate '{text}' into {language}.\n  parameters: #0 -> {text}, #1 -> {language}, #2 -> {tone}\n"
                + "  steps: prompt -> model -> text\n");
        assertThat(description).contains("Assistant.classify\n  system: You classify reviews.\n")
                .contains("Assistant.story").contains("steps: prompt -> model -> text chunks");
        assertThatThrownBy(() -> AiServices.describe("not a service")).isInstanceOf(IllegalArgumentException.class);
    }
}
