package dev.catena.core.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void mergeRunsJoinsConsecutiveMessagesOfOneKindAsLangChainDoes() {
        // LangChain's merge_message_runs docstring example, less its list content
        List<ChatMessage> messages = List.of(
                ChatMessage.system("you're a good assistant."),
                ChatMessage.user("what's your favorite color").withId("foo"),
                ChatMessage.user("wait your favorite food").withId("bar"),
                AiMessage.of("my favorite colo").withId("baz").withUsage(TokenUsage.of(3, 4)),
                AiMessage.ofToolCalls(List.of(new ToolCall("123", "blah_tool", "{\"x\":2}"))).withId("blur")
                        .withUsage(TokenUsage.of(1, 2)),
                ChatMessage.tool("123", "a"),
                ChatMessage.tool("456", "b"));

        List<ChatMessage> merged = Messages.mergeRuns(messages);

        assertThat(merged).hasSize(5);
        assertThat(merged.get(1).text()).isEqualTo("what's your favorite color\nwait your favorite food");
        assertThat(merged.get(1).id()).contains("foo");
        AiMessage ai = (AiMessage) merged.get(2);
        assertThat(ai.text()).isEqualTo("my favorite colo"); // the second had no text: no separator
        assertThat(ai.toolCalls()).extracting(c -> c.id().orElseThrow()).containsExactly("123");
        assertThat(ai.usage()).contains(TokenUsage.of(4, 6));
        assertThat(ai.id()).contains("baz");
        assertThat(merged.subList(3, 5)).extracting(ChatMessage::text).containsExactly("a", "b");
    }

    @Test
    void mergeContentJoinsTextAtTheSeamAndKeepsOtherParts() {
        ContentPart image = ContentPart.Image.ofUrl("https://x/y.png");
        assertThat(Messages.mergeContent(List.of(ContentPart.text("a"), image), List.of(ContentPart.text("b"))))
                .containsExactly(ContentPart.text("a"), image, ContentPart.text("b"));
        assertThat(Messages.mergeContent(List.of(ContentPart.text("a")), List.of(ContentPart.text("b"), image)))
                .containsExactly(ContentPart.text("ab"), image);
    }

    @Test
    void filterKeepsWhatMatchesNoExclusionAndSomeInclusion() {
        List<ChatMessage> messages = List.of(
                new SystemMessage("you're a good assistant.").withId("1"),
                new UserMessage(List.of(ContentPart.text("what's your name")), "example_user").withId("2"),
                new AiMessage("steve-o", List.of(), null, null, null, "3", "example_assistant", null, null, null),
                new UserMessage(List.of(ContentPart.text("what's your favorite color")), "bob").withId("4"),
                new AiMessage("silicon blue", List.of(), null, null, null, "5", "alice", null, null, null));

        assertThat(MessageFilter.all().excludeNames("example_user", "example_assistant").apply(messages))
                .extracting(m -> m.id().orElse(null)).containsExactly("1", "4", "5");
        assertThat(MessageFilter.all().includeRoles(ChatMessage.Role.USER, ChatMessage.Role.AI).excludeIds("3")
                .apply(messages)).extracting(m -> m.id().orElse(null)).containsExactly("2", "4", "5");
        assertThat(MessageFilter.all().includeNames("bob").includeIds("1").apply(messages))
                .extracting(m -> m.id().orElse(null)).containsExactly("1", "4");
        assertThat(MessageFilter.all().apply(messages)).hasSize(5);
    }

    @Test
    void convertsTheLooseFormsLangChainAccepts() {
        List<ChatMessage> messages = Messages.of(
                "hi",
                Map.entry("ai", "hello"),
                List.of("system", "be brief"),
                new String[] {"human", "again"},
                Map.of("role", "assistant", "content", "", "tool_calls", List.of(Map.of("id", "c1", "type", "function",
                        "function", Map.of("name", "f", "arguments", "{}")))),
                Map.of("role", "tool", "tool_call_id", "c1", "content", "42", "id", "m6"),
                Map.of("type", "human", "content", List.of(Map.of("type", "text", "text", "see"),
                        Map.of("type", "image_url", "image_url", Map.of("url", "https://x/y.png")))),
                ChatMessage.ai("as is"));

        assertThat(messages).extracting(ChatMessage::role).containsExactly(ChatMessage.Role.USER, ChatMessage.Role.AI,
                ChatMessage.Role.SYSTEM, ChatMessage.Role.USER, ChatMessage.Role.AI, ChatMessage.Role.TOOL,
                ChatMessage.Role.USER, ChatMessage.Role.AI);
        assertThat(((AiMessage) messages.get(4)).toolCalls()).containsExactly(new ToolCall("c1", "f", "{}"));
        assertThat(messages.get(5).id()).contains("m6");
        assertThat(((UserMessage) messages.get(6)).content()).hasSize(2);
    }

    @Test
    void looseFormsThatAreNoMessageAreATypedErrorNamingTheItem() {
        assertThatThrownBy(() -> Messages.of("ok", Map.entry("robot", "beep")))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("item 1").hasMessageContaining("robot");
        assertThatThrownBy(() -> Messages.of(List.of("tool", "x"))).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("tool_call_id");
        assertThatThrownBy(() -> Messages.of(42)).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("item 0");
        assertThatThrownBy(() -> Messages.of(Map.of("content", "no role"))).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("role");
    }
}
