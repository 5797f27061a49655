package dev.catena.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catena.core.messages.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One message as {@code message_to_dict} text, the form the history stores keep, written and read
 * without a tree: the same text, the same messages and the same errors as going through the tree.
 */
class LangChainMessageTextTest {

    @Test
    void writesWhatTheTreeWrites() {
        for (ChatMessage message : EveryMessageKind.history()) {
            assertThat(MessageJson.writeLangChainMessage(message))
                    .isEqualTo(MessageJson.toJson(MessageJson.toLangChain(message)));
        }
    }

    @Test
    void readsWhatTheTreeReads() {
        for (ChatMessage message : EveryMessageKind.history()) {
            String json = MessageJson.writeLangChainMessage(message);
            assertThat(MessageJson.readLangChainMessage(json))
                    .isEqualTo(MessageJson.fromLangChain(MessageJson.parse(json)))
                    .isEqualTo(MessageJson.readLangChain("[" + json + "]").get(0));
        }
    }

    @Test
    void reportsTheErrorsTheTreeReports() {
        List<String> bad = List.of(
                "", "   ", "null", "42", "[1]", "{", "{\"type\": \"human\", \"data\": {\"content\": \"a\"",
                "{\"type\": \"human\"}", "{\"type\": \"human\", \"data\": []}", "{\"type\": \"human\", \"data\": {}}",
                "{\"type\": 5, \"data\": {\"content\": \"a\"}}", "{\"type\": \"robot\", \"data\": {\"content\": \"a\"}}",
                "{\"type\": \"ai\", \"data\": {\"content\": {\"a\": 1}}}",
                "{\"type\": \"ai\", \"data\": {\"content\": \"\", \"tool_calls\": [{\"args\": {}}]}}",
                "{\"type\": \"tool\", \"data\": {\"content\": \"x\"}}",
                "{\"type\": \"human\", \"data\": {\"content\": [{\"type\": \"text\"}]}} trailing",
                "{\"type\": \"human\", \"data\": {\"content\": \"a\", \"x\": [1, }}");
        for (String json : bad) {
            Throwable streamed = catchThrowable(() -> MessageJson.readLangChainMessage(json));
            Throwable viaTree = catchThrowable(() -> MessageJson.fromLangChain(MessageJson.parse(json)));
            assertThat(streamed).as(json).isInstanceOf(MessageJsonException.class);
            assertThat(streamed).as(json).hasMessage(viaTree.getMessage());
        }
    }

    @Test
    void ignoresTextAfterTheFirstValueAsTheTreeDoes() {
        String json = "{\"type\": \"human\", \"data\": {\"content\": \"hi\"}} {\"more\": ";
        assertThat(MessageJson.readLangChainMessage(json)).isEqualTo(ChatMessage.user("hi"));
    }
}
