package dev.catena.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ContentPart;
import dev.catena.core.messages.UserMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatPromptFeaturesTest {

    @TempDir
    Path dir;

    private static final List<ChatMessage> HISTORY = List.of(ChatMessage.user("1"), ChatMessage.ai("2"), ChatMessage.user("3"),
            ChatMessage.ai("4"));

    @Test
    void placeholderKeepsOnlyTheLastMessages() {
        ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(MessageTemplate.system("sys"),
                MessagesPlaceholder.of("history").lastMessages(3), MessageTemplate.user("{q}"));
        assertThat(prompt.formatMessages(Map.of("history", HISTORY, "q", "5"))).extracting(ChatMessage::text)
                .containsExactly("sys", "2", "3", "4", "5");
        assertThat(prompt.formatMessages(Map.of("history", HISTORY.subList(0, 1), "q", "5"))).extracting(ChatMessage::text)
                .containsExactly("sys", "1", "5");
        ChatPromptTemplate optional = ChatPromptTemplate.fromMessages(MessagesPlaceholder.optional("history").lastMessages(1),
                MessageTemplate.user("{q}"));
        assertThat(optional.inputVariables()).containsExactly("q");
        assertThat(optional.formatMessages(Map.of("q", "x"))).extracting(ChatMessage::text).containsExactly("x");
        assertThat(optional.formatMessages(Map.of("q", "x", "history", HISTORY))).extracting(ChatMessage::text)
                .containsExactly("4", "x");
        assertThatThrownBy(() -> MessagesPlaceholder.of("h").lastMessages(0)).isInstanceOf(IllegalArgumentException.class);
        // n_messages is kept in the saved form, as LangChain names it.
        optional.save(dir.resolve("chat.json"));
        assertThat(ChatPromptTemplate.load(dir.resolve("chat.json")).formatMessages(Map.of("q", "x", "history", HISTORY)))
                .extracting(ChatMessage::text).containsExactly("4", "x");
    }

    @Test
    void multiPartUserTemplatesFillTextAndImageUrls() {
        ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(
                MessageTemplate.system("Describe images in {language}."),
                MultiPartTemplate.user(MultiPartTemplate.text("What is in {what}?"),
                        MultiPartTemplate.imageUrl("data:image/png;base64,{image_data}", "low"),
                        MultiPartTemplate.imageUrl("https://example.com/{name}.jpg")));
        assertThat(prompt.inputVariables()).containsExactly("image_data", "language", "name", "what");
        List<ChatMessage> messages = prompt.formatMessages(Map.of("language", "French", "what", "this picture",
                "image_data", "iVBORw0KGgo=", "name", "cat"));
        assertThat(messages.get(1)).isInstanceOf(UserMessage.class);
        assertThat(((UserMessage) messages.get(1)).content()).containsExactly(
                new ContentPart.Text("What is in this picture?"),
                new ContentPart.Image("data:image/png;base64,iVBORw0KGgo=", "low"),
                new ContentPart.Image("https://example.com/cat.jpg", null));
    }

    @Test
    void promptTemplatesConcatenateAsLangChainsPlus() {
        PromptTemplate joke = PromptTemplate.fromTemplate("Tell me a joke about {topic}.").partial("style", "dry")
                .plus(", make it {style}")
                .plus(PromptTemplate.fromTemplate(" and in {language}"));
        assertThat(joke.template()).isEqualTo("Tell me a joke about {topic}., make it {style} and in {language}");
        assertThat(joke.inputVariables()).containsExactly("language", "topic");
        assertThat(joke.format(Map.of("topic", "sports", "language", "Spanish")))
                .isEqualTo("Tell me a joke about sports., make it dry and in Spanish");
        assertThatThrownBy(() -> joke.plus(PromptTemplate.fromTemplate("{{x}}", TemplateFormat.MUSTACHE)))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("same syntax");
        assertThatThrownBy(() -> joke.plus(PromptTemplate.fromTemplate("{style}").partial("style", "wet")))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("'style' is partial in both");
    }

    @Test
    void chatPromptsConcatenateAsLangChainsPlus() {
        ChatPromptTemplate system = ChatPromptTemplate.fromMessages(MessageTemplate.system("You are {role}."))
                .partial("role", "a pirate");
        ChatPromptTemplate joined = system
                .plus(ChatPromptTemplate.fromMessages(MessagesPlaceholder.optional("history")))
                .plus(MessagePart.of(ChatMessage.ai("Arr.")))
                .plus("{question}");
        assertThat(joined.inputVariables()).containsExactly("question");
        assertThat(joined.formatMessages(Map.of("question", "Where is the gold?", "history", List.of(ChatMessage.user("hi")))))
                .containsExactly(ChatMessage.system("You are a pirate."), ChatMessage.user("hi"), ChatMessage.ai("Arr."),
                        ChatMessage.user("Where is the gold?"));
    }
}
