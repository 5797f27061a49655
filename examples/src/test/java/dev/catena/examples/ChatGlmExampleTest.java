package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.CatenaException;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ModelHttpException;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatGlmExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer chatGlm = new MockWebServer();
    private final MockWebServer glm = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        chatGlm.start();
        glm.start();
    }

    @AfterEach
    void stop() {
        chatGlm.close();
        glm.close();
    }

    /** A reply as ChatGLM-6B's api.py writes it. */
    private static MockResponse chatGlmReply(String response, String historyJson) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"response\":\"" + response + "\",\"history\":" + historyJson
                        + ",\"status\":200,\"time\":\"2023-05-20 10:00:00\"}").build();
    }

    @Test
    void wrapsChatGlmsApiAsTextAndChatModelsAndCallsGlmThroughItsDialect() throws Exception {
        chatGlm.enqueue(chatGlmReply("你好👋！我是人工智能助手 ChatGLM-6B，很高兴见到你，欢迎问我任何问题。",
                "[[\"你好\",\"你好👋！我是人工智能助手 ChatGLM-6B，很高兴见到你，欢迎问我任何问题。\"]]"));
        chatGlm.enqueue(chatGlmReply("天道酬勤是指上天会酬报勤奋的人。", "[]"));
        chatGlm.enqueue(chatGlmReply("出自《尚书》。", "[]"));
        String openAiReply;
        try (var in = getClass().getResourceAsStream("/glm-chat-response.json")) {
            openAiReply = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        glm.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(openAiReply).build());

        List<String> lines = ExampleRun.lines(() -> ChatGlmExample.run(chatGlm.url("/").toString(),
                glm.url("/api/paas/v4").toString(), "test-key"));

        assertThat(lines).containsExactly(
                "response: 你好👋！我是人工智能助手 ChatGLM-6B，很高兴见到你，欢迎问我任何问题。",
                "chain: 天道酬勤是指上天会酬报勤奋的人。",
                "chat: 出自《尚书》。",
                "glm: 天道酬勤，意思是上天会酬报勤奋的人。");

        JsonNode first = JSON.readTree(chatGlm.takeRequest().getBody().utf8());
        assertThat(first.toString()).isEqualTo("{\"prompt\":\"你好\",\"history\":[]}");
        assertThat(JSON.readTree(chatGlm.takeRequest().getBody().utf8()).get("prompt").asText())
                .isEqualTo("请给我解释一下天道酬勤的意思");
        JsonNode third = JSON.readTree(chatGlm.takeRequest().getBody().utf8());
        assertThat(third.toString()).isEqualTo(
                "{\"prompt\":\"天道酬勤出自哪里？\",\"history\":[[\"你好\",\"你好！有什么可以帮你？\"]]}");

        RecordedRequest toGlm = glm.takeRequest();
        assertThat(toGlm.getUrl().encodedPath()).isEqualTo("/api/paas/v4/chat/completions");
        assertThat(toGlm.getHeaders().get("Authorization")).isEqualTo("Bearer test-key");
        JsonNode body = JSON.readTree(toGlm.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("glm-4-flash");
        assertThat(body.has("stream_options")).isFalse();
    }

    @Test
    void aSystemMessageGoesBeforeTheFirstQuestionAndAToolMessageIsRefused() throws Exception {
        chatGlm.enqueue(chatGlmReply("好的。", "[]"));
        var chat = new ChatGlmExample.ChatGlmChatModel(new ChatGlmExample.ChatGlmClient(chatGlm.url("/").toString()));

        chat.chat(List.of(ChatMessage.system("用一句话回答。"), ChatMessage.user("什么是链？")));

        assertThat(JSON.readTree(chatGlm.takeRequest().getBody().utf8()).get("prompt").asText())
                .isEqualTo("用一句话回答。\n什么是链？");
        assertThatThrownBy(() -> chat.chat(List.of(ChatMessage.user("hi"), ChatMessage.tool("call-1", "42"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tool messages are not supported");
    }

    @Test
    void aServerErrorIsATypedExceptionWithTheStatus() {
        chatGlm.enqueue(new MockResponse.Builder().code(500).body("CUDA out of memory").build());
        var llm = new ChatGlmExample.ChatGlmLanguageModel(new ChatGlmExample.ChatGlmClient(chatGlm.url("/").toString()));

        assertThatThrownBy(() -> llm.generate("你好")).isInstanceOf(ModelHttpException.class)
                .satisfies(e -> assertThat(((ModelHttpException) e).status()).isEqualTo(500));
    }

    @Test
    void aReplyWithoutStatus200IsAnErrorNotAnEmptyAnswer() {
        chatGlm.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"response\":null,\"history\":[],\"status\":500,\"time\":\"2023-05-20 10:00:00\"}").build());
        var llm = new ChatGlmExample.ChatGlmLanguageModel(new ChatGlmExample.ChatGlmClient(chatGlm.url("/").toString()));

        assertThatThrownBy(() -> llm.generate("你好")).isInstanceOf(CatenaException.class)
                .hasMessageContaining("ChatGLM answered status 500 without a text \"response\"");
    }

    @Test
    void theExampleRunsOfflineAgainstItsStandIn() throws Exception {
        List<String> lines = ExampleRun.lines(() -> ChatGlmExample.main(new String[0]));
        if (System.getenv("ZHIPUAI_API_KEY") == null) {
            assertThat(lines.get(1)).startsWith("response: 你好👋！");
            assertThat(lines.get(3)).isEqualTo("chat: （本地替身）你问的是：天道酬勤出自哪里？；之前有 1 轮对话。");
            assertThat(lines.get(4)).isEqualTo("glm: 天道酬勤：上天会酬报勤奋的人。");
        }
    }
}
