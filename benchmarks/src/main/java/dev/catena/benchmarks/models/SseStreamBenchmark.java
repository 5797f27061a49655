package dev.catena.benchmarks.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatRequest;
import dev.catena.models.openai.OpenAiChatModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SSE parsing plus JSON decoding of a streamed chat completion of 2,000 chunks (OpenAI's recorded
 * chunk shape, with usage), through the real {@link OpenAiChatModel#generateStream} path: an OkHttp
 * interceptor serves the bytes from memory, so no socket is involved. Scores are per chunk
 * ({@code @OperationsPerInvocation}), so ops/s is chunks per second and, with {@code -prof gc},
 * {@code gc.alloc.rate.norm} is bytes allocated per chunk. The baseline reads the same body with
 * {@code BufferedReader.readLine} and Jackson {@code readTree}, the least any Java client does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SseStreamBenchmark {

    static final int CHUNKS = 2_000;

    private String body;
    private OpenAiChatModel model;
    private ChatRequest request;
    private final ObjectMapper mapper = new ObjectMapper();

    @Setup
    public void setUp() {
        StringBuilder sb = new StringBuilder();
        String head = "data: {\"id\":\"chatcmpl-ABfw1\",\"object\":\"chat.completion.chunk\",\"created\":1727346169,"
                + "\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_5050236cbd\",\"choices\":[{\"index\":0,";
        sb.append(head).append("\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        for (int i = 1; i < CHUNKS - 1; i++) {
            sb.append(head).append("\"delta\":{\"content\":\" token").append(i % 97)
                    .append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        }
        sb.append(head).append("\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n");
        sb.append("data: {\"id\":\"chatcmpl-ABfw1\",\"object\":\"chat.completion.chunk\",\"created\":1727346169,\"model\":\"gpt-4o-2024-08-06\","
                + "\"choices\":[],\"usage\":{\"prompt_tokens\":79,\"completion_tokens\":1998,\"total_tokens\":2077}}\n\n");
        sb.append("data: [DONE]\n\n");
        body = sb.toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OkHttpClient inMemory = new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder()
                .request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create(bytes, MediaType.get("text/event-stream"))).build()).build();
        model = OpenAiChatModel.builder().apiKey("sk-bench").baseUrl("http://localhost/v1").httpClient(inMemory).build();
        request = ChatRequest.of(ChatMessage.user("stream"));
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public void catenaStream(Blackhole bh) {
        try (Stream<AiMessage> chunks = model.generateStream(request, RunConfig.defaults())) {
            chunks.forEach(bh::consume);
        }
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public void baselineReadLineAndReadTree(Blackhole bh) throws IOException {
        try (BufferedReader reader = new BufferedReader(new StringReader(body))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("data: ") && !line.startsWith("data: [DONE]")) {
                    JsonNode chunk = mapper.readTree(line.substring(6));
                    bh.consume(chunk.path("choices").path(0).path("delta").path("content").asText(null));
                }
            }
        }
    }
}
