package dev.catena.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tool-call arguments already in compact form are copied as text instead of being parsed and
 * written again: only text that parsing and writing would give back unchanged may be taken so.
 */
class CompactObjectTextTest {

    private static boolean compact(String text) {
        return CompactObjectText.isCompactObject(text, 0, text.length());
    }

    /** What the forms wrote before the shortcut: the parsed tree written compactly. */
    private static String rewritten(String text) {
        JsonNode tree = MessageJson.parse(text);
        return MessageJson.toJson(tree);
    }

    @Test
    void takesCompactObjectsTheTreeWritesBackUnchanged() {
        List<String> texts = List.of("{}", "{\"flight\":\"LH400\",\"date\":\"2025-06-10\",\"passengers\":3}",
                "{\"a\":[1,-2,0,true,false,null,{},[]],\"b\":{\"c\":\"中文 é 😀\"},\"d\":123456789012345678}",
                "{\"\":\"\",\"x\":-123}");
        for (String text : texts) {
            assertThat(compact(text)).as(text).isTrue();
            assertThat(rewritten(text)).isEqualTo(text);
        }
    }

    @Test
    void leavesToTheParserWhatItWouldWriteDifferentlyOrRefuse() {
        List<String> texts = List.of("", "[]", "\"a\"", " {}", "{} ", "{\"a\": 1}", "{\"a\":1,\"a\":2}",
                "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":-0}", "{\"a\":01}", "{\"a\":1234567890123456789}",
                "{\"a\":\"\\n\"}", "{\"a\":\"\\u0041\"}", "{\"a\":\"\t\"}", "{\"a\":tru}", "{\"a\":truex}",
                "{\"a\":1}{", "{\"a\":1", "{\"a\"}", "{a:1}", "{\"a\":[1,]}", "{\"a\":\"\uD800\"}",
                "{\"a\":\"\uDC00x\"}", "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}");
        for (String text : texts) {
            assertThat(compact(text)).as(text).isFalse();
        }
    }

    @Test
    void anyCharacterTakenInAStringIsWrittenBackAsItIs() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "{\"k" + c + "\":\"a" + c + "b\"}";
            if (compact(text)) {
                assertThat(rewritten(text)).as("U+%04X", (int) c).isEqualTo(text);
            }
        }
    }

    @Test
    void argumentsReadFromTextAreWhatTheTreeGives() {
        List<String> args = List.of("{\"city\":\"Paris\",\"days\":3}", "{ \"city\" : \"Paris\" }", "{\"a\":1.50,\"b\":1e2}",
                "{\"a\":1,\"a\":2}", "{\"a\":\"\\u00e9\\n\"}", "{\"a\":{\"b\":[1,2,{\"c\":null}]}}", "{}");
        for (String arg : args) {
            String json = "{\"type\":\"ai\",\"data\":{\"content\":\"\",\"tool_calls\":[{\"name\":\"f\",\"args\":" + arg
                    + ",\"id\":\"c1\",\"type\":\"tool_call\"}],\"invalid_tool_calls\":[]}}";
            ChatMessage fromText = MessageJson.readLangChain("[" + json + "]").get(0);
            assertThat(fromText).isEqualTo(MessageJson.fromLangChain(MessageJson.parse(json)))
                    .isEqualTo(MessageJson.readLangChainMessage(json));
            assertThat(((AiMessage) fromText).toolCalls().get(0).arguments()).isEqualTo(rewritten(arg));
        }
    }

    @Test
    void compactArgumentsAreWrittenAsTheTreeWritesThem() {
        for (String arg : List.of("{\"city\":\"Paris\",\"days\":3}", "{ \"city\": \"Paris\" }", "{\"a\":1.50}",
                "{\"a\":1,\"a\":2}", "not json", "[1]")) {
            ChatMessage message = AiMessage.ofToolCalls(List.of(new ToolCall("c1", "f", arg)));
            assertThat(MessageJson.writeLangChain(List.of(message)))
                    .isEqualTo("[" + MessageJson.toJson(MessageJson.toLangChain(message)) + "]");
        }
    }
}
