package dev.catena.benchmarks.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.catena.core.json.MessageJson;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON round trip (write, then read back) of the same 50-message history ({@link FiftyMessageHistory}):
 * Catena's OpenAI and LangChain forms against LangChain4j's
 * {@code ChatMessageSerializer}/{@code ChatMessageDeserializer}. Target: Catena at least 2× as fast in
 * both forms. {@link #jacksonTokenCopyOfLangChainText} is a reference row: the LangChain
 * form's text read and written token by token, without messages. The {@code write…} rows measure
 * the writing half alone: each Catena form's text against LangChain4j's
 * {@code ChatMessageSerializer.messagesToJson} of the same history; the {@code read…} rows the
 * reading half alone, each side reading its own text of the history, written once beforehand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MessageJsonBenchmark {

    private static final JsonFactory JSON = new JsonFactory();

    private List<ChatMessage> catenaHistory;
    private List<dev.langchain4j.data.message.ChatMessage> langchain4jHistory;
    private String langChainText;
    private String openAiText;
    private String langchain4jText;

    @Setup
    public void setUp() throws IOException {
        catenaHistory = FiftyMessageHistory.catena();
        langchain4jHistory = FiftyMessageHistory.langchain4j();
        if (!MessageJson.readOpenAi(MessageJson.writeOpenAi(catenaHistory)).equals(catenaHistory.stream()
                .map(m -> m instanceof AiMessage ai ? ai.withoutUsage().withoutFinishReason() : m).toList())
                || !MessageJson.readLangChain(MessageJson.writeLangChain(catenaHistory)).equals(catenaHistory)
                || !ChatMessageDeserializer.messagesFromJson(ChatMessageSerializer.messagesToJson(langchain4jHistory))
                        .equals(langchain4jHistory)) {
            throw new IllegalStateException("each form must give the history back as it was");
        }
        langChainText = MessageJson.writeLangChain(catenaHistory);
        openAiText = MessageJson.writeOpenAi(catenaHistory);
        langchain4jText = ChatMessageSerializer.messagesToJson(langchain4jHistory);
        if (!jacksonTokenCopyOfLangChainText().equals(langChainText)) {
            throw new IllegalStateException("the token copy must give the text back as it was");
        }
    }

    @Benchmark
    public List<ChatMessage> catenaOpenAiForm() {
        return MessageJson.readOpenAi(MessageJson.writeOpenAi(catenaHistory));
    }

    @Benchmark
    public List<ChatMessage> catenaLangChainForm() {
        return MessageJson.readLangChain(MessageJson.writeLangChain(catenaHistory));
    }

    @Benchmark
    public String writeCatenaOpenAiForm() {
        return MessageJson.writeOpenAi(catenaHistory);
    }

    @Benchmark
    public String writeCatenaLangChainForm() {
        return MessageJson.writeLangChain(catenaHistory);
    }

    @Benchmark
    public String writeLangchain4jSerializer() {
        return ChatMessageSerializer.messagesToJson(langchain4jHistory);
    }

    /** Read only: the OpenAI form's text of the history, written once beforehand. */
    @Benchmark
    public List<ChatMessage> readCatenaOpenAiForm() {
        return MessageJson.readOpenAi(openAiText);
    }

    /** Read only: the LangChain form's text of the history, written once beforehand. */
    @Benchmark
    public List<ChatMessage> readCatenaLangChainForm() {
        return MessageJson.readLangChain(langChainText);
    }

    /** Read only: LangChain4j's own text of the same history, written once beforehand. */
    @Benchmark
    public List<dev.langchain4j.data.message.ChatMessage> readLangchain4jDeserializer() {
        return ChatMessageDeserializer.messagesFromJson(langchain4jText);
    }

    /**
     * Physical reference for the LangChain form: Jackson's streaming parser reading every token of
     * that form's text (every string decoded) and its generator writing each token back to a
     * String, with no message objects at all: what generic token-by-token streaming of the same
     * text costs. It is not a floor: Catena's writer copies pre-quoted names and compact tool-call
     * arguments as blocks, and measures faster than this row.
     */
    @Benchmark
    public String jacksonTokenCopyOfLangChainText() throws IOException {
        StringWriter out = new StringWriter(langChainText.length());
        try (JsonParser parser = JSON.createParser(langChainText); JsonGenerator gen = JSON.createGenerator(out)) {
            parser.nextToken();
            gen.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    @Benchmark
    public List<dev.langchain4j.data.message.ChatMessage> langchain4jSerializer() {
        return ChatMessageDeserializer.messagesFromJson(ChatMessageSerializer.messagesToJson(langchain4jHistory));
    }
}
