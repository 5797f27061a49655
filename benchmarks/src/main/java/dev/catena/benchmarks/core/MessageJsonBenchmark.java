package dev.catena.benchmarks.core;

import dev.catena.core.json.MessageJson;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
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
 * both forms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MessageJsonBenchmark {

    private List<ChatMessage> catenaHistory;
    private List<dev.langchain4j.data.message.ChatMessage> langchain4jHistory;

    @Setup
    public void setUp() {
        catenaHistory = FiftyMessageHistory.catena();
        langchain4jHistory = FiftyMessageHistory.langchain4j();
        if (!MessageJson.readOpenAi(MessageJson.writeOpenAi(catenaHistory)).equals(catenaHistory.stream()
                .map(m -> m instanceof AiMessage ai ? ai.withoutUsage().withoutFinishReason() : m).toList())
                || !MessageJson.readLangChain(MessageJson.writeLangChain(catenaHistory)).equals(catenaHistory)
                || !ChatMessageDeserializer.messagesFromJson(ChatMessageSerializer.messagesToJson(langchain4jHistory))
                        .equals(langchain4jHistory)) {
            throw new IllegalStateException("each form must give the history back as it was");
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
    public List<dev.langchain4j.data.message.ChatMessage> langchain4jSerializer() {
        return ChatMessageDeserializer.messagesFromJson(ChatMessageSerializer.messagesToJson(langchain4jHistory));
    }
}
