package dev.catena.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catena.chains.LlmChain;
import dev.catena.core.CatenaException;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.UserMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.LanguageModel;
import dev.catena.core.models.ModelHttpException;
import dev.catena.models.openai.OpenAiChatModel;
import dev.catena.models.openai.OpenAiDialect;
import dev.catena.prompts.PromptTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Wrapping your own model, as the seed wraps ChatGLM-6B: a {@link LanguageModel} and a
 * {@link ChatModel} over ChatGLM's local API server ({@code POST {"prompt", "history"}} answered
 * by {@code {"response", "history", "status", "time"}}), used in an {@link LlmChain}; then the
 * hosted GLM through the GLM dialect of {@link OpenAiChatModel}. Implementing one method
 * ({@code complete} or {@code generate}) is all a model needs to pipe, batch, stream and trace
 * like the built-in clients.
 *
 * <p>Pass your ChatGLM server's URL as the first argument (for example {@code http://127.0.0.1:8000})
 * and set {@code ZHIPUAI_API_KEY} for the hosted GLM; without them the example starts a local
 * stand-in server that speaks both formats, so it runs offline.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.ChatGlmExample
 * }</pre>
 */
public final class ChatGlmExample {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private ChatGlmExample() {
    }

    /** One exchange with ChatGLM's API server: the prompt, the earlier (question, answer) pairs. */
    static final class ChatGlmClient {
        private final OkHttpClient http = new OkHttpClient();
        private final String url;

        ChatGlmClient(String url) {
            this.url = url;
        }

        String ask(String prompt, List<List<String>> history) {
            ObjectNode body = JSON.createObjectNode().put("prompt", prompt);
            ArrayNode pairs = body.putArray("history");
            history.forEach(pair -> pairs.addArray().add(pair.get(0)).add(pair.get(1)));
            Request request = new Request.Builder().url(url)
                    .post(RequestBody.create(body.toString(), JSON_TYPE)).build();
            try (Response response = http.newCall(request).execute()) {
                String text = response.body().string();
                if (!response.isSuccessful()) {
                    throw new ModelHttpException("ChatGLM", response.code(), null, null, null, null,
                            text.substring(0, Math.min(200, text.length())), response.code() >= 500, null);
                }
                JsonNode reply = JSON.readTree(text);
                if (reply.path("status").asInt() != 200 || !reply.path("response").isTextual()) {
                    throw new CatenaException("ChatGLM answered status " + reply.path("status")
                            + " without a text \"response\"; check the server's log");
                }
                return reply.get("response").asText();
            } catch (IOException e) {
                throw new UncheckedIOException("ChatGLM at " + url + " did not answer: " + e.getMessage(), e);
            }
        }
    }

    /** The seed's {@code chatGLM} class: a text model, one prompt in, one reply out. */
    record ChatGlmLanguageModel(ChatGlmClient client) implements LanguageModel {
        @Override
        public String complete(String prompt, RunConfig config) {
            return client.ask(prompt, List.of());
        }
    }

    /**
     * A chat model: earlier user/AI turns become ChatGLM's history pairs, a system message is put
     * before the first question (ChatGLM-6B has no system role), the last user message is the prompt.
     */
    record ChatGlmChatModel(ChatGlmClient client) implements ChatModel {
        @Override
        public AiMessage generate(ChatRequest request, RunConfig config) {
            List<ChatMessage> messages = request.messages();
            String system = "";
            List<List<String>> history = new ArrayList<>();
            String question = null;
            for (ChatMessage m : messages) {
                if (m instanceof SystemMessage s) {
                    system += s.text() + "\n";
                } else if (m instanceof UserMessage u && question == null) {
                    question = system + u.text();
                    system = "";
                } else if (m instanceof AiMessage a && question != null) {
                    history.add(List.of(question, a.text()));
                    question = null;
                } else {
                    throw new IllegalArgumentException("ChatGLM takes alternating user and AI messages ending with a user"
                            + " message; got " + m.role() + " out of turn (tool messages are not supported)");
                }
            }
            if (question == null) {
                throw new IllegalArgumentException("the last message must be a user message for ChatGLM to answer");
            }
            return AiMessage.of(client.ask(question, history));
        }
    }

    public static void main(String[] args) throws IOException {
        String key = System.getenv("ZHIPUAI_API_KEY");
        if (args.length > 0 && key != null) {
            run(args[0], OpenAiDialect.GLM.defaultBaseUrl(), key);
            return;
        }
        HttpServer standIn = startStandIn();
        try {
            String local = "http://127.0.0.1:" + standIn.getAddress().getPort();
            System.out.println("(offline: a local stand-in server answers in ChatGLM's and GLM's formats)");
            run(args.length > 0 ? args[0] : local + "/", key != null ? OpenAiDialect.GLM.defaultBaseUrl() : local,
                    key != null ? key : "offline-key");
        } finally {
            standIn.stop(0);
        }
    }

    /** Talks to ChatGLM at {@code chatGlmUrl}, then to GLM's OpenAI-compatible API at {@code glmBaseUrl}. */
    static void run(String chatGlmUrl, String glmBaseUrl, String glmKey) {
        ChatGlmClient client = new ChatGlmClient(chatGlmUrl);
        LanguageModel llm = new ChatGlmLanguageModel(client);
        System.out.println("response: " + llm.generate("你好"));

        LlmChain chain = LlmChain.of(PromptTemplate.fromTemplate("请给我解释一下{concept}的意思"), llm);
        System.out.println("chain: " + chain.run("天道酬勤"));

        ChatModel chat = new ChatGlmChatModel(client);
        AiMessage second = chat.chat(List.of(ChatMessage.user("你好"), ChatMessage.ai("你好！有什么可以帮你？"),
                ChatMessage.user("天道酬勤出自哪里？")));
        System.out.println("chat: " + second.text());

        ChatModel glm = OpenAiChatModel.builder().dialect(OpenAiDialect.GLM).baseUrl(glmBaseUrl).apiKey(glmKey)
                .model("glm-4-flash").maxRetries(0).build();
        System.out.println("glm: " + glm.chat("请给我解释一下天道酬勤的意思"));
    }

    /** A local server that answers like ChatGLM's api.py on "/" and like GLM's API on "/chat/completions". */
    static HttpServer startStandIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            if (exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                reply(exchange, JSON.writeValueAsString(Map.of("id", "stand-in", "object", "chat.completion",
                        "model", request.path("model").asText(), "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                "message", Map.of("role", "assistant", "content", "天道酬勤：上天会酬报勤奋的人。"))))));
                return;
            }
            String prompt = request.path("prompt").asText();
            String answer = prompt.equals("你好") ? "你好👋！我是人工智能助手 ChatGLM-6B，很高兴见到你，欢迎问我任何问题。"
                    : "（本地替身）你问的是：" + prompt + "；之前有 " + request.path("history").size() + " 轮对话。";
            ArrayNode history = request.path("history").isArray() ? (ArrayNode) request.get("history").deepCopy()
                    : JSON.createArrayNode();
            history.addArray().add(prompt).add(answer);
            ObjectNode body = JSON.createObjectNode().put("response", answer);
            body.set("history", history);
            body.put("status", 200).put("time", "2026-01-01 00:00:00");
            reply(exchange, body.toString());
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
