package dev.catena.core.json;

import static dev.catena.core.json.MessageJsonTest.fixture;
import static dev.catena.core.json.MessageJsonTest.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ContentPart;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The streaming readers against the tree readers they replaced ({@link TreeReaders}): for every
 * message of the fixtures, with every field removed or replaced by a value of another kind, and
 * with fields in written and in reversed order, both give the same messages or the same error.
 */
class StreamingReadTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // ---- field order

    @Test
    void langChainDataMayComeBeforeType() {
        String json = """
                [{"data": {"content": "Hi", "tool_call_id": "c1", "name": "calc"}, "type": "tool"},
                 {"data": {"usage_metadata": {"total_tokens": 9, "input_tokens": 2, "output_tokens": 3},
                           "response_metadata": {"finish_reason": "stop"},
                           "invalid_tool_calls": [{"args": "?", "name": "g"}],
                           "tool_calls": [{"type": "tool_call", "id": "c2", "args": {"b": [1, 2], "a": 1e2}, "name": "f"}],
                           "additional_kwargs": {"reasoning_content": "r"}, "content": "ok"},
                  "type": "ai"}]""";
        assertThat(MessageJson.readLangChain(json)).containsExactly(
                new ToolMessage("c1", "Hi", "calc"),
                new AiMessage("ok", List.of(new ToolCall("c2", "f", "{\"b\":[1,2],\"a\":100.0}"), new ToolCall(null, "g", "?")),
                        "r", "stop", new TokenUsage(2, 3, 9)));
    }

    @Test
    void openAiRoleMayComeAfterEverythingElse() {
        String json = """
                [{"content": [{"image_url": {"detail": "low", "url": "https://x/a.png"}, "type": "image_url"},
                              {"text": "what is this?", "type": "text"}], "name": "ann", "role": "user"},
                 {"tool_calls": [{"function": {"arguments": {"q": "x"}, "name": "search"}, "type": "function", "id": "c1"}],
                  "reasoning_content": "think", "content": null, "role": "assistant"},
                 {"content": "found", "tool_call_id": "c1", "role": "tool"}]""";
        assertThat(MessageJson.readOpenAi(json)).containsExactly(
                new UserMessage(List.of(new ContentPart.Image("https://x/a.png", "low"), ContentPart.text("what is this?")), "ann"),
                new AiMessage("", List.of(new ToolCall("c1", "search", "{\"q\":\"x\"}")), "think", null, null),
                new ToolMessage("c1", "found", null));
    }

    @Test
    void unknownFieldsOfAnyShapeAreSkippedWhereverTheyAre() {
        String json = """
                [{"x": {"role": "system", "content": [1, {"deep": [{}]}]}, "role": "user", "y": [[{"role": 5}]],
                  "content": [{"z": {"type": 1}, "type": "text", "text": "hi", "w": []}]}]""";
        assertThat(MessageJson.readOpenAi(json)).containsExactly(UserMessage.of("hi"));
    }

    @Test
    void aRepeatedFieldCountsOnlyItsLastValueAsInAParsedTree() {
        assertThat(MessageJson.readOpenAi("[{\"role\": \"user\", \"content\": 5, \"content\": \"b\", \"role\": \"system\"}]"))
                .containsExactly(new SystemMessage("b"));
        assertThat(MessageJson.readLangChain("""
                [{"type": "ai", "data": {"content": "", "tool_calls": [{"name": "f", "args": {"a": 1, "a": 2}}]}}]"""))
                .containsExactly(AiMessage.ofToolCalls(List.of(new ToolCall(null, "f", "{\"a\":2}"))));
    }

    @Test
    void toolCallArgumentObjectsAreCopiedAsTheTreeReaderWroteThem() {
        List<String> arguments = new ArrayList<>(EveryMessageKind.OBJECT_ARGUMENTS.stream()
                .filter(text -> !text.isBlank() && !text.contains("and then")).toList());
        arguments.addAll(List.of("{\"a\":1e2,\"b\":-0.0,\"c\":1.5E-3,\"d\":-12345678901234567890,\"e\":1E400}",
                "[1.0, 2e0, {\"x\": 0.10}]", "3.25e1", "true", "{\"d\":{\"k\":1,\"k\":2.50}}"));
        for (String args : arguments) {
            String openAi = "[{\"role\": \"assistant\", \"tool_calls\": [{\"id\": \"c\", \"function\": {\"name\": \"f\", \"arguments\": "
                    + args + "}}]}]";
            String langChain = "[{\"type\": \"ai\", \"data\": {\"content\": \"\", \"tool_calls\": [{\"name\": \"f\", \"args\": "
                    + args + "}]}}]";
            assertThat(MessageJson.readOpenAi(openAi))
                    .isEqualTo(List.of(TreeReaders.TreeOpenAi.read(MessageJson.parse(openAi).get(0), "m")));
            assertThat(MessageJson.readLangChain(langChain))
                    .isEqualTo(List.of(TreeReaders.TreeLangChain.read(MessageJson.parse(langChain).get(0), "m")));
        }
    }

    // ---- errors

    @Test
    void theErrorReportedDoesNotDependOnFieldOrder() {
        // role is checked before content, whichever comes first
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"content\": 42}]")).hasMessage("messages[0].role: missing");
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"content\": 42, \"role\": \"user\"}]"))
                .hasMessage("messages[0].content: expected a string or an array of content parts, got number");
        // content is checked before tool calls, tool calls before reasoning
        assertThatThrownBy(() -> MessageJson.readOpenAi("""
                [{"reasoning_content": 1, "tool_calls": [{"id": "c"}], "content": [{"type": "text"}], "role": "assistant"}]"""))
                .hasMessage("messages[0].content[0].text: missing");
        assertThatThrownBy(() -> MessageJson.readOpenAi("""
                [{"reasoning_content": 1, "tool_calls": [{"id": "c"}], "content": "x", "role": "assistant"}]"""))
                .hasMessage("messages[0].tool_calls[0].function: expected a JSON object, got nothing");
        // the type comes before data's fields, data.content before an unknown type
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"data\": {\"content\": 1}}]"))
                .hasMessage("messages[0].type: missing");
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"data\": {}, \"type\": \"alien\"}]"))
                .hasMessage("messages[0].data.content: missing");
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"data\": {\"content\": \"\"}, \"type\": \"alien\"}]"))
                .hasMessage("messages[0].type: unknown message type 'alien'; expected human, ai, system, tool, chat (generic) or function");
    }

    @Test
    void fieldsTheRoleDoesNotUseAreNotChecked() {
        assertThat(MessageJson.readOpenAi("[{\"tool_calls\": 3, \"reasoning_content\": [], \"role\": \"user\", \"content\": \"x\"}]"))
                .containsExactly(UserMessage.of("x"));
        assertThat(MessageJson.readOpenAi("[{\"content\": [{\"type\": \"audio\", \"text\": 5, \"image_url\": 1}], \"role\": \"system\"}]"))
                .containsExactly(new SystemMessage(""));
    }

    @Test
    void theFirstBadElementOfAnArrayIsReported() {
        assertThatThrownBy(() -> MessageJson.readOpenAi("""
                [{"role": "user", "content": "ok"},
                 {"role": "user", "content": ["a", {"type": "image_url", "image_url": null}, {"type": "text"}]}]"""))
                .isInstanceOfSatisfying(MessageJsonException.class,
                        e -> assertThat(e.field()).isEqualTo("messages[1].content[1].image_url"))
                .hasMessage("messages[1].content[1].image_url: expected a JSON object, got null");
        assertThatThrownBy(() -> MessageJson.readLangChain("""
                [{"type": "ai", "data": {"content": "", "tool_calls": [{"name": "f"}, 7, {"id": 1}],
                                         "invalid_tool_calls": [{"id": "x"}]}}]"""))
                .hasMessage("messages[0].data.tool_calls[1]: expected a JSON object, got number");
    }

    @Test
    void textThatIsNotValidJsonIsReportedEvenAfterAMalformedMessage() {
        assertThatThrownBy(() -> MessageJson.readOpenAi("[{\"content\": 1}, {\"role\": \"user\", \"content\": \"x\"} oops]"))
                .isInstanceOfSatisfying(MessageJsonException.class, e -> assertThat(e.field()).isEqualTo("$"))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> MessageJson.readLangChain("[{\"type\": \"human\"}, {"))
                .hasMessageStartingWith("$: not valid JSON (Unexpected end-of-input");
        assertThat(MessageJson.readOpenAi("[{\"role\": \"user\", \"content\": \"x\"}] trailing text is ignored"))
                .containsExactly(UserMessage.of("x"));
    }

    @Test
    void treesThatAreNotObjectsAreNamedAsBefore() {
        assertThatThrownBy(() -> MessageJson.fromOpenAi(null)).hasMessage("message: expected a JSON object, got nothing");
        assertThatThrownBy(() -> MessageJson.fromLangChain(MissingNode.getInstance()))
                .hasMessage("message: expected a JSON object, got missing");
        assertThatThrownBy(() -> MessageJson.fromOpenAi(NODES.arrayNode().add(1)))
                .hasMessage("message: expected a JSON object, got array");
        assertThatThrownBy(() -> MessageJson.fromLangChain(NODES.objectNode().put("type", "human").set("data", NODES.binaryNode(new byte[1]))))
                .hasMessage("message.data: expected a JSON object, got binary");
        assertThatThrownBy(() -> MessageJson.readOpenAi("")).hasMessage("$: expected a JSON array of messages, got MISSING");
        assertThatThrownBy(() -> MessageJson.readOpenAi("null")).hasMessage("$: expected a JSON array of messages, got NULL");
    }

    // ---- the same behaviour as the tree readers, for every field of every fixture message

    @Test
    void everyMutationOfEveryOpenAiMessageReadsAsTheTreeReaderReadIt() {
        List<JsonNode> messages = new ArrayList<>();
        tree(fixture("catena-every-kind-openai.json")).forEach(messages::add);
        tree(fixture("openai-messages.json")).forEach(messages::add);
        messages.add(tree("""
                {"role": "function", "name": "f", "content": [{"type": "text", "text": "a"}, "b",
                 {"type": "image_url", "image_url": "https://x/y.png"}]}"""));
        messages.add(tree("{\"role\": \"developer\", \"content\": [{\"type\": \"text\", \"text\": \"\"}, {\"type\": \"text\", \"text\": \"b\"}]}"));
        messages.add(tree("""
                {"role": "assistant", "content": "a", "reasoning_content": "r",
                 "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "f", "arguments": {"x": 1}}}]}"""));
        messages.add(tree("""
                {"role": "user", "name": "n", "content": [{"type": "image_url", "image_url": {"url": "u", "detail": "d"}},
                 {"type": "text", "text": "t"}]}"""));
        messages.add(tree("{\"role\": \"tool\", \"tool_call_id\": \"c1\", \"name\": \"f\", \"content\": \"r\"}"));
        int compared = compareMutations(messages, MessageJson::readOpenAi, MessageJson::fromOpenAi,
                TreeReaders.TreeOpenAi::read);
        assertThat(compared).isGreaterThan(5_000);
    }

    @Test
    void everyMutationOfEveryLangChainMessageReadsAsTheTreeReaderReadIt() {
        List<JsonNode> messages = new ArrayList<>();
        tree(fixture("catena-every-kind-langchain.json")).forEach(messages::add);
        tree(fixture("langchain-messages-to-dict.json")).forEach(messages::add);
        messages.add(tree("""
                {"type": "ai", "data": {"content": [{"type": "text", "text": "x"}], "additional_kwargs": {
                 "reasoning_content": 1.5e1, "tool_calls": [{"id": "c1", "function": {"name": "f", "arguments": "{}"}}]},
                 "usage_metadata": {"input_tokens": "12", "output_tokens": true, "total_tokens": 2.9},
                 "tool_calls": {}, "invalid_tool_calls": null}}"""));
        messages.add(tree("""
                {"type": "ai", "data": {"content": "", "tool_calls": [{"name": "f", "args": {"a": 1}, "id": "c1"}],
                 "invalid_tool_calls": [{"name": "g", "args": "?", "id": "c2"}], "usage_metadata": {"input_tokens": 1}}}"""));
        messages.add(tree("""
                {"type": "human", "data": {"name": "n", "content": [{"type": "image_url", "image_url": {"url": "u"}}]}}"""));
        messages.add(tree("{\"type\": \"tool\", \"data\": {\"tool_call_id\": \"c1\", \"name\": \"f\", \"content\": \"r\"}}"));
        int compared = compareMutations(messages, MessageJson::readLangChain, MessageJson::fromLangChain,
                TreeReaders.TreeLangChain::read);
        assertThat(compared).isGreaterThan(5_000);
    }

    private static int compareMutations(List<JsonNode> messages, Function<String, List<ChatMessage>> streamText,
                                        Function<JsonNode, ChatMessage> streamNode, BiFunction<JsonNode, String, ChatMessage> treeRead) {
        int compared = 0;
        for (JsonNode message : messages) {
            List<JsonNode> variants = new ArrayList<>();
            variants.add(message);
            List<String> pointers = pointers(message, "");
            for (String pointer : pointers) {
                for (JsonNode replacement : replacements(pointer)) {
                    variants.add(replaced(message, pointer, replacement));
                }
            }
            if (pointers.size() <= 40) {
                // two faults at once: which one is reported must not depend on field order either
                List<JsonNode> faults = java.util.Arrays.asList(null, NODES.nullNode(), NODES.numberNode(5));
                for (int a = 0; a < pointers.size(); a++) {
                    for (int b = a + 1; b < pointers.size(); b++) {
                        if (pointers.get(b).startsWith(pointers.get(a) + "/")) {
                            continue;
                        }
                        for (JsonNode first : faults) {
                            for (JsonNode second : faults) {
                                variants.add(replaced(replaced(message, pointers.get(b), second), pointers.get(a), first));
                            }
                        }
                    }
                }
            }
            for (JsonNode variant : variants) {
                for (JsonNode ordered : List.of(variant, reversed(variant))) {
                    String text = "[" + ordered + "]";
                    String expected = outcome(() -> {
                        List<ChatMessage> read = new ArrayList<>();
                        JsonNode array = MessageJson.parse(text);
                        for (int i = 0; i < array.size(); i++) {
                            read.add(treeRead.apply(array.get(i), "messages[" + i + "]"));
                        }
                        return read;
                    });
                    assertThat(outcome(() -> streamText.apply(text))).as(text).isEqualTo(expected);
                    assertThat(outcome(() -> streamNode.apply(ordered)))
                            .as(text).isEqualTo(outcome(() -> treeRead.apply(ordered, "message")));
                    compared++;
                }
            }
        }
        return compared;
    }

    private static String outcome(Supplier<?> read) {
        try {
            Object value = read.get();
            return "read " + (value instanceof List<?> list ? list : List.of(value));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** JSON pointers of every value below the root. */
    private static List<String> pointers(JsonNode node, String at) {
        List<String> result = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                result.add(at + "/" + name);
                result.addAll(pointers(node.get(name), at + "/" + name));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                result.add(at + "/" + i);
                result.addAll(pointers(node.get(i), at + "/" + i));
            }
        }
        return result;
    }

    /** Values of every kind, plus the other roles and types where a role or type stands; null means remove. */
    private static List<JsonNode> replacements(String pointer) {
        List<JsonNode> values = new ArrayList<>();
        values.add(null);
        values.add(NODES.nullNode());
        values.add(NODES.numberNode(5));
        values.add(NODES.numberNode(-1.5));
        values.add(NODES.textNode("s"));
        values.add(NODES.booleanNode(true));
        values.add(NODES.objectNode());
        values.add(NODES.objectNode().put("k", 1));
        values.add(NODES.arrayNode());
        values.add(NODES.arrayNode().add(1));
        values.add(NODES.arrayNode().add("s"));
        values.add(NODES.arrayNode().add(NODES.objectNode()));
        values.add(NODES.arrayNode().add(NODES.objectNode().put("type", "text")));
        if (pointer.endsWith("/role") || pointer.endsWith("/type")) {
            for (String kind : List.of("user", "assistant", "system", "developer", "tool", "function", "wizard",
                    "human", "ai", "text", "image_url")) {
                values.add(NODES.textNode(kind));
            }
        }
        return values;
    }

    private static JsonNode replaced(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), value);
            }
        }
        return copy;
    }

    /** The same tree with every object's fields in reverse order. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            ObjectNode result = NODES.objectNode();
            for (int i = fields.size() - 1; i >= 0; i--) {
                result.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
            }
            return result;
        }
        if (node.isArray()) {
            ArrayNode result = NODES.arrayNode();
            node.forEach(element -> result.add(reversed(element)));
            return result;
        }
        return node;
    }
}
