package dev.catena.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.UserMessage;
import dev.catena.core.models.ChatPromptValue;
import dev.catena.core.models.PromptValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatPromptTemplateTest {

    private final ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(
            MessageTemplate.system("You are a helpful assistant who speaks {language}."),
            MessagesPlaceholder.of("history"),
            MessageTemplate.user("{question}"));

    @Test
    void formatsMessagesAndSplicesThePlaceholder() {
        List<ChatMessage> history = List.of(ChatMessage.user("Hi"), ChatMessage.ai("Hello! How can I help?"));
        List<ChatMessage> messages = prompt.formatMessages(Map.of("language", "French", "history", history, "question", "2+2?"));
        assertThat(messages).containsExactly(
                new SystemMessage("You are a helpful assistant who speaks French."),
                UserMessage.of("Hi"),
                AiMessage.of("Hello! How can I help?"),
                UserMessage.of("2+2?"));
    }

    @Test
    void inputVariablesIncludeRequiredPlaceholdersSorted() {
        assertThat(prompt.inputVariables()).containsExactly("history", "language", "question");
        ChatPromptTemplate optional = ChatPromptTemplate.fromMessages(
                MessagesPlaceholder.optional("history"), MessageTemplate.user("{q}"));
        assertThat(optional.inputVariables()).containsExactly("q");
        assertThat(optional.formatMessages(Map.of("q", "hi"))).containsExactly(UserMessage.of("hi"));
    }

    @Test
    void missingVariablesAndWrongPlaceholderValuesFail() {
        assertThatThrownBy(() -> prompt.formatMessages(Map.of("question", "x")))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("[history, language]");
        assertThatThrownBy(() -> prompt.formatMessages(Map.of("language", "en", "history", "not a list", "question", "q")))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("should be a list of chat messages");
        assertThatThrownBy(() -> prompt.formatMessages(Map.of("language", "en", "history", List.of("text"), "question", "q")))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("holds a String");
    }

    @Test
    void invokeGivesAChatPromptValueReadableAsText() {
        ChatPromptTemplate p = ChatPromptTemplate.fromMessages(
                MessageTemplate.system("Be brief."), MessagePart.of(ChatMessage.ai("Ready.")), MessageTemplate.user("{q}"));
        PromptValue value = p.invoke(Map.of("q", "Why?"));
        assertThat(value).isInstanceOf(ChatPromptValue.class);
        assertThat(value.toText()).isEqualTo("System: Be brief.\nAI: Ready.\nHuman: Why?");
        assertThat(p.format(Map.of("q", "Why?"))).isEqualTo(value.toText());
    }

    @Test
    void partialsAndFromTemplate() {
        ChatPromptTemplate p = prompt.partial("language", "Chinese").partial("history", List.of());
        assertThat(p.inputVariables()).containsExactly("question");
        assertThat(p.formatMessages(Map.of("question", "你好")))
                .containsExactly(new SystemMessage("You are a helpful assistant who speaks Chinese."), UserMessage.of("你好"));
        assertThat(ChatPromptTemplate.fromTemplate("Hi {name}").formatMessages(Map.of("name", "Ada")))
                .containsExactly(UserMessage.of("Hi Ada"));
    }

    @Test
    void langChainRoleNames() {
        assertThat(MessageTemplate.of("human", "x", TemplateFormat.F_STRING).role()).isEqualTo(ChatMessage.Role.USER);
        assertThat(MessageTemplate.of("assistant", "x", TemplateFormat.F_STRING).role()).isEqualTo(ChatMessage.Role.AI);
        assertThatThrownBy(() -> MessageTemplate.of("tool", "x", TemplateFormat.F_STRING))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("tool message cannot be templated");
        assertThatThrownBy(() -> MessageTemplate.of(" ", "x")).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("blank message role");
    }

    @Test
    void aTemplateWithARoleOfItsOwnFormatsToAChatRoleMessage() {
        MessageTemplate critic = MessageTemplate.of("critic", "Judge {answer}");
        assertThat(critic.role()).isEqualTo(ChatMessage.Role.CHAT);
        assertThat(critic.speaker()).isEqualTo("critic");

        ChatPromptTemplate p = ChatPromptTemplate.fromMessages(List.of(MessageTemplate.user("{question}"), critic));

        assertThat(p.formatMessages(Map.of("question", "2+2?", "answer", "4")))
                .containsExactly(UserMessage.of("2+2?"), new ChatRoleMessage("critic", "Judge 4"));
        assertThatThrownBy(() -> new MessageTemplate(ChatMessage.Role.CHAT, PromptTemplate.fromTemplate("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a role name");
    }
}
