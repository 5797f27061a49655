package dev.catena.models.openai;

import static dev.catena.models.testing.Wire.body;
import static dev.catena.models.testing.Wire.jsonResponse;
import static dev.catena.models.testing.Wire.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.ModelHttpException;
import dev.catena.models.internal.Json;
import dev.catena.models.testing.MockServerTest;
import dev.catena.models.testing.Wire;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class OpenAiEmbeddingModelTest extends MockServerTest {


    private OpenAiEmbeddingModel.Builder model() {
        return OpenAiEmbeddingModel.builder().baseUrl(baseUrl("/v1")).apiKey("sk-test").maxRetries(0);
    }

    @Test
    void readsFloatEmbeddings() throws Exception {
        server.enqueue(jsonResponse(200, text("openai-embeddings-response.json")));
        Embedding e = model().model("text-embedding-ada-002").encoding(OpenAiEmbeddingModel.Encoding.FLOAT).build()
                .embed("The food was delicious and the waiter...");
        assertThat(e.vector()).containsExactly(0.0023064255f, -0.009327292f, -0.0028842222f);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/embeddings");
        JsonNode sent = body(request);
        assertThat(sent.get("encoding_format").asText()).isEqualTo("float");
        assertThat(sent.get("input").get(0).asText()).isEqualTo(Wire.json("openai-embeddings-request.json").get("input").asText());
    }

    @Test
    void decodesBase64LittleEndianFloats() throws Exception {
        float[] expected = {0.5f, -1.25f, 3.0e-5f, 42f};
        ByteBuffer bytes = ByteBuffer.allocate(expected.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : expected) {
            bytes.putFloat(f);
        }
        String b64 = Base64.getEncoder().encodeToString(bytes.array());
        server.enqueue(jsonResponse(200, "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"embedding\":\"" + b64
                + "\",\"index\":0}],\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}"));
        Embedding e = model().dimensions(4).build().embed("hi");
        assertThat(e.vector()).containsExactly(expected);
        JsonNode sent = body(server.takeRequest());
        assertThat(sent.get("encoding_format").asText()).isEqualTo("base64");
        assertThat(sent.get("dimensions").asInt()).isEqualTo(4);
    }

    @Test
    void batchesWithBoundedConcurrencyAndKeepsInputOrder() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                Thread.sleep(100);
                JsonNode input = body(request).get("input");
                ObjectNode answer = Json.MAPPER.createObjectNode();
                ArrayNode data = answer.putArray("data");
                for (int i = input.size() - 1; i >= 0; i--) { // out of order on purpose
                    ObjectNode item = data.addObject();
                    item.put("index", i);
                    item.putArray("embedding").add(Integer.parseInt(input.get(i).asText().substring(5)));
                }
                inFlight.decrementAndGet();
                return jsonResponse(200, answer.toString());
            }
        });
        List<String> texts = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "text " + i).toList();

        List<Embedding> vectors = model().batchSize(2).maxConcurrency(2).encoding(OpenAiEmbeddingModel.Encoding.FLOAT)
                .build().embedAll(texts);

        assertThat(vectors).extracting(v -> (int) v.vector()[0]).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(server.getRequestCount()).isEqualTo(6);
        assertThat(maxInFlight.get()).isBetween(1, 2);
    }

    @Test
    void stopsSendingBatchesOnceOneHasFailed() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return jsonResponse(401, "{\"error\":{\"message\":\"Incorrect API key provided\","
                        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
            }
        });
        List<String> texts = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "text " + i).toList();
        OpenAiEmbeddingModel model = model().batchSize(1).maxConcurrency(1).build();

        assertThatThrownBy(() -> model.embedAll(texts)).isInstanceOf(ModelHttpException.class);
        // the first batch's 401 says every other batch would fail too: none of them is sent
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRepeatedOrOutOfRangeIndexIsAClearErrorNotAnArrayFault() {
        String twiceIndexZero = "{\"object\":\"list\",\"data\":["
                + "{\"object\":\"embedding\",\"embedding\":[0.1,0.2],\"index\":0},"
                + "{\"object\":\"embedding\",\"embedding\":[0.3,0.4],\"index\":0}],"
                + "\"model\":\"m\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}";
        server.enqueue(jsonResponse(200, twiceIndexZero));
        OpenAiEmbeddingModel repeated = model().encoding(OpenAiEmbeddingModel.Encoding.FLOAT).build();
        assertThatThrownBy(() -> repeated.embedAll(List.of("a", "b")))
                .isInstanceOf(dev.catena.models.InvalidResponseException.class)
                .hasMessageContaining("index 0").hasMessageContaining("out of range or repeated");

        server.enqueue(jsonResponse(200, twiceIndexZero.replace("\"index\":0}]", "\"index\":7}]")));
        assertThatThrownBy(() -> repeated.embedAll(List.of("a", "b")))
                .isInstanceOf(dev.catena.models.InvalidResponseException.class)
                .hasMessageContaining("index 7");
    }

    private static String answer(String... embeddings) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < embeddings.length; i++) {
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"embedding\":").append(embeddings[i])
                    .append(",\"index\":").append(i).append('}');
        }
        return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"m\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}";
    }

    private static String base64Of(int bytes) {
        return "\"" + Base64.getEncoder().encodeToString(new byte[bytes]) + "\"";
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            a string in a float list      | [0.1,"x"]          | [0.3,0.4]   | data[0].embedding[1] is a string, not a number
            null in a float list          | [0.1,null]         | [0.3,0.4]   | data[0].embedding[1] is null, not a number
            true in a float list          | [true,0.2]         | [0.3,0.4]   | data[0].embedding[0] is a boolean, not a number
            mixed lengths                 | [0.1,0.2]          | [0.3,0.4,0.5] | data[1].embedding has 3 dimensions where the ones before had 2
            an object                     | {"v":1}            | [0.3,0.4]   | data[0].embedding is an object
            null vector                   | null               | [0.3,0.4]   | data[0].embedding is null
            invalid base64                | "!!!not base64!!!" | [0.3,0.4]   | data[0].embedding is not valid base64
            """)
    void aMalformedVectorIsATypedInvalidResponseNeverANumber(String name, String first, String second, String message) {
        server.enqueue(jsonResponse(200, answer(first, second)));
        assertThatThrownBy(() -> model().encoding(OpenAiEmbeddingModel.Encoding.FLOAT).build().embedAll(List.of("a", "b")))
                .as(name).isInstanceOf(dev.catena.models.InvalidResponseException.class).hasMessageContaining(message);
    }

    @Test
    void base64WhoseByteCountIsNotAWholeNumberOfFloatsIsRefused() {
        for (int bytes : new int[] {5, 6, 7, 1}) {
            server.enqueue(jsonResponse(200, answer(base64Of(bytes))));
            assertThatThrownBy(() -> model().build().embed("a")).isInstanceOf(dev.catena.models.InvalidResponseException.class)
                    .hasMessageContaining("has " + bytes + " bytes of base64");
        }
        server.enqueue(jsonResponse(200, answer(base64Of(8))));
        assertThat(model().build().embed("a").vector()).containsExactly(0f, 0f);
    }
}
