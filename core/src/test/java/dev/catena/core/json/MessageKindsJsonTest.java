package dev.catena.core.json;

import static dev.catena.core.json.MessageJsonTest.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.FunctionMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat-role and function messages LangChain stores are read and written back in both JSON forms. */
class MessageKindsJsonTest {

    /** What Python LangChain's {@code messages_to_dict} writes for a {@code ChatMessage} and a {@code FunctionMessage}. */
    private static final String PYTHON = """
            [{"type": "chat", "data": {"content": "Too long.", "additional_kwargs": {"k": 1},
              "response_metadata": {}, "type": "chat", "name": null, "id": "c-1", "role": "critic"}},
             {"type": "function", "data": {"content": "42", "additional_kwargs": {}, "response_metadata": {"m": "x"},
              "type": "function", "name": "calculator", "id": null}}]""";

    @Test
    void pythonChatAndFunctionMessagesRoundTripWithTheSameKeysAndValues() {
        List<ChatMessage> messages = MessageJson.readLangChain(PYTHON);

        assertThat(messages.get(0)).isEqualTo(new ChatRoleMessage("critic", "Too long.", null, "c-1",
                java.util.Map.of("k", 1), null));
        assertThat(messages.get(0).role()).isEqualTo(ChatMessage.Role.CHAT);
        assertThat(messages.get(1)).isEqualTo(new FunctionMessage("calculator", "42", null, null,
                java.util.Map.of("m", "x")));
        assertThat(tree(MessageJson.writeLangChain(messages))).isEqualTo(tree(PYTHON));
    }

    @Test
    void langChainJsGenericTypeReadsAsAChatRoleMessage() {
        List<ChatMessage> messages = MessageJson.readLangChain("""
                [{"type": "generic", "data": {"content": "hi", "role": "narrator", "additional_kwargs": {},
                  "response_metadata": {}}}]""");

        assertThat(messages).containsExactly(new ChatRoleMessage("narrator", "hi"));
    }

    @Test
    void aChatMessageWithoutItsRoleAndAFunctionMessageWithoutItsNameAreTypedErrors() {
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"type\": \"chat\", \"data\": {\"content\": \"x\"}}]"))
                .isInstanceOf(MessageJsonException.class).hasMessageContaining("messages[0].data.role");
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"type\": \"function\", \"data\": {\"content\": \"x\"}}]"))
                .isInstanceOf(MessageJsonException.class).hasMessageContaining("messages[0].data.name");
    }

    @Test
    void theOpenAiFormWritesTheRoleAsWrittenAndReadsItBack() {
        List<ChatMessage> messages = List.of(new ChatRoleMessage("critic", "Too long.", "bob", "c-1", null, null),
                new FunctionMessage("calculator", "42"));

        String json = MessageJson.writeOpenAi(messages);

        assertThat(tree(json)).isEqualTo(tree("""
                [{"role": "critic", "content": "Too long.", "name": "bob", "id": "c-1"},
                 {"role": "function", "content": "42", "name": "calculator"}]"""));
        assertThat(MessageJson.readOpenAi(json)).isEqualTo(messages);
    }

    @Test
    void theBufferStringUsesAChatMessagesOwnRole() {
        assertThat(ChatMessage.toBufferString(List.of(ChatMessage.user("hi"), ChatMessage.chat("critic", "meh"),
                new FunctionMessage("calc", "4")))).isEqualTo("Human: hi\ncritic: meh\nFunction: 4");
    }

    @Test
    void aBlankRoleIsRefused() {
        assertThatThrownBy(() -> new ChatRoleMessage(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role name");
    }
}
