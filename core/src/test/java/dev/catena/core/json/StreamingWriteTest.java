package dev.catena.core.json;

import static dev.catena.core.json.MessageJsonTest.fixture;
import static dev.catena.core.json.MessageJsonTest.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.UserMessage;
import java.io.IOException;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * The forms write through a streaming generator; these tests pin that output to what the earlier
 * tree-building writer produced (the fixtures), for text, trees and the Jackson module alike.
 */
class StreamingWriteTest {

    private final List<ChatMessage> history = EveryMessageKind.history();

    @Test
    void theLangChainFormWritesTheSameTextAsBefore() {
        assertThat(MessageJson.writeLangChain(history)).isEqualTo(fixture("catena-every-kind-langchain.json"));
    }

    @Test
    void theOpenAiFormWritesTheSameTextAsBefore() {
        assertThat(MessageJson.writeOpenAi(history)).isEqualTo(fixture("catena-every-kind-openai.json"));
    }

    @Test
    void theTreesWriteTheSameTextAsBefore() {
        // compared as text: parsing the fixture would turn the tree's double Infinity into a string
        StringJoiner langChain = new StringJoiner(",", "[", "]");
        StringJoiner openAi = new StringJoiner(",", "[", "]");
        for (ChatMessage message : history) {
            langChain.add(MessageJson.toJson(MessageJson.toLangChain(message)));
            openAi.add(MessageJson.toJson(MessageJson.toOpenAi(message)));
        }
        assertThat(langChain.toString()).isEqualTo(fixture("catena-every-kind-langchain.json"));
        assertThat(openAi.toString()).isEqualTo(fixture("catena-every-kind-openai.json"));
        UserMessage multimodal = (UserMessage) history.get(4);
        assertThat(OpenAiMessageForm.writePart(multimodal.content().get(1)))
                .isEqualTo(tree(fixture("catena-every-kind-openai.json")).at("/4/content/1"));
    }

    @Test
    void theJacksonModuleWritesTheOpenAiFormInline() throws IOException {
        ObjectMapper mapper = new ObjectMapper().registerModule(new CatenaJsonModule());
        String json = mapper.writeValueAsString(new MessageJsonTest.Conversation("c", history));
        assertThat(json).isEqualTo("{\"id\":\"c\",\"messages\":" + fixture("catena-every-kind-openai.json") + "}");
    }

    @Test
    void theJacksonModuleWritesTheSameMessagesThroughAPrettyPrinterAndIntoTrees() throws IOException {
        // raw compact text would bypass the pretty printer and stay opaque in a token buffer: these get trees
        ObjectMapper mapper = new ObjectMapper().registerModule(new CatenaJsonModule());
        JsonNode expected = tree(fixture("catena-every-kind-openai.json"));
        String pretty = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(history);
        assertThat(pretty).contains("\"role\" : ");
        assertThat(tree(pretty)).isEqualTo(expected);
        assertThat((JsonNode) mapper.valueToTree(history)).isEqualTo(expected);
    }

    @Test
    void objectArgumentsAreCopiedAsJacksonWritesTheirParsedTree() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        for (String arguments : EveryMessageKind.OBJECT_ARGUMENTS) {
            String expected = plain.writeValueAsString(plain.readTree(arguments.isEmpty() ? "{}" : arguments));
            JsonNode written = tree(MessageJson.writeLangChain(List.of(call(arguments))));
            assertThat(written.at("/0/data/invalid_tool_calls")).as(arguments).isEmpty();
            assertThat(MessageJson.toJson(written.at("/0/data/tool_calls/0/args"))).as(arguments).isEqualTo(expected);
        }
        assertThat(MessageJson.toJson(tree(MessageJson.writeLangChain(List.of(call("{\"dup\":1,\"x\":2,\"dup\":3}"))))
                .at("/0/data/tool_calls/0/args"))).isEqualTo("{\"dup\":3,\"x\":2}");
    }

    @Test
    void argumentsThatAreNoJsonObjectBecomeInvalidToolCallsVerbatim() {
        for (String arguments : EveryMessageKind.INVALID_ARGUMENTS) {
            JsonNode written = MessageJson.toLangChain(call(arguments));
            assertThat(written.at("/data/tool_calls")).as(arguments).isEmpty();
            assertThat(written.at("/data/invalid_tool_calls/0/args").asText()).as(arguments).isEqualTo(arguments);
        }
        String tooDeep = "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        assertThat(MessageJson.toLangChain(call(tooDeep)).at("/data/invalid_tool_calls/0/args").asText()).isEqualTo(tooDeep);
    }

    @Test
    void theWrittenHistoryReadsBack() {
        List<ChatMessage> viaOpenAi = MessageJson.readOpenAi(MessageJson.writeOpenAi(history));
        List<ChatMessage> viaLangChain = MessageJson.readLangChain(MessageJson.writeLangChain(history));
        assertThat(viaOpenAi).hasSameSizeAs(history);
        assertThat(viaLangChain).hasSameSizeAs(history);
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i) instanceof AiMessage ai) {
                // the OpenAI form has no place for finish reason and usage
                assertThat(viaOpenAi.get(i)).isEqualTo(ai.withoutFinishReason().withoutUsage());
                assertThat((AiMessage) viaLangChain.get(i))
                        .extracting(AiMessage::text, AiMessage::reasoning, AiMessage::finishReason, AiMessage::usage)
                        .containsExactly(ai.text(), ai.reasoning(), ai.finishReason(), ai.usage());
            } else {
                assertThat(viaOpenAi.get(i)).isEqualTo(history.get(i));
                assertThat(viaLangChain.get(i)).isEqualTo(history.get(i));
            }
        }
        List<ChatMessage> back = viaLangChain;
        // valid calls come first in LangChain's form, each with its arguments as compact JSON
        assertThat(((AiMessage) back.get(10)).toolCalls()).extracting(c -> c.id().orElseThrow())
                .startsWith("good_0", "good_1").endsWith("bad_8", "bad_9");
    }

    private static AiMessage call(String arguments) {
        return AiMessage.ofToolCalls(List.of(new ToolCall("c1", "f", arguments)));
    }
}
