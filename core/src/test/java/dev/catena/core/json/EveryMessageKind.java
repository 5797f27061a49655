package dev.catena.core.json;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ContentPart;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.util.List;

/** One history with every kind of message and every optional field, plus awkward text and tool arguments. */
final class EveryMessageKind {

    private EveryMessageKind() {
    }

    /** Tool-call arguments that are JSON objects, with numbers, escapes and nesting that must survive as they are. */
    static final List<String> OBJECT_ARGUMENTS = List.of(
            "{}",
            "",
            "{\n  \"location\": \"Boston, MA\"\n}",
            "{\"n\":-0,\"big\":123456789012345678901234567890,\"long\":9007199254740993,\"f\":1e2,\"g\":-1.50E-3,\"h\":0.1}",
            "{\"huge\":1e400,\"tiny\":1e-400}",
            "{\"s\":\"quote \\\" back \\\\ slash \\/ tab \\t nl \\n \\u00e9 \\ud83d\\ude00 \\u0001\",\"u\":\"天气 😀\"}",
            "{\"nested\":{\"a\":[1,[2,[3,{}]],{\"b\":null,\"c\":true,\"d\":false}],\"e\":[]}}",
            "{\"dup\":1,\"other\":2,\"dup\":3}",
            "{\"trailing\":1} and then some text",
            "  {\"spaced\" : [ 1 , 2 ] }  ");

    /** Tool-call arguments that are not a JSON object, so LangChain lists the call as invalid. */
    static final List<String> INVALID_ARGUMENTS = List.of(
            "not json", "null", "[1,2]", "\"text\"", "42", "   ", "{\"a\":", "{\"a\" 1}", "{'a':1}", "{\"a\":\"\\x\"}");

    static List<ChatMessage> history() {
        List<ToolCall> objectCalls = new java.util.ArrayList<>();
        for (int i = 0; i < OBJECT_ARGUMENTS.size(); i++) {
            objectCalls.add(new ToolCall("ok_" + i, "tool_" + i, OBJECT_ARGUMENTS.get(i)));
        }
        List<ToolCall> mixedCalls = new java.util.ArrayList<>();
        for (int i = 0; i < INVALID_ARGUMENTS.size(); i++) {
            mixedCalls.add(new ToolCall("bad_" + i, "tool_" + i, INVALID_ARGUMENTS.get(i)));
            mixedCalls.add(new ToolCall("good_" + i, "", "{\"i\":" + i + "}"));
        }
        return List.of(
                new SystemMessage("You are a helpful assistant."),
                new SystemMessage("Example turn", "example_user"),
                UserMessage.of("Plain question with \"quotes\", a\ttab, a\nnewline, \u0007 and 中文 😀"),
                new UserMessage(List.of(ContentPart.text("named")), "alice"),
                UserMessage.of(ContentPart.text("What is in this image?"),
                        new ContentPart.Image("https://example.com/cat.png", "high"),
                        ContentPart.Image.ofBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png"),
                        ContentPart.text("And this one?"),
                        ContentPart.Image.ofUrl("https://example.com/dog.jpg")),
                new UserMessage(List.of(ContentPart.Image.ofUrl("https://example.com/only.png")), "bob"),
                AiMessage.of("Plain answer"),
                AiMessage.of(""),
                new AiMessage("Answer with everything", List.of(), "First I thought.", "stop", new TokenUsage(82, 17, 99)),
                AiMessage.ofToolCalls(objectCalls),
                new AiMessage("Calling tools while talking", mixedCalls, "why", "tool_calls", new TokenUsage(1, 2, 3)),
                new ToolMessage("ok_0", "{\"temperature\": 22}", "tool_0"),
                new ToolMessage("ok_1", "", null));
    }
}
