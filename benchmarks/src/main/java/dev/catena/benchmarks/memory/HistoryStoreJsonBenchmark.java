package dev.catena.benchmarks.memory;

import dev.catena.benchmarks.core.FiftyMessageHistory;
import dev.catena.core.json.UnreadableMessages;
import dev.catena.core.messages.ChatMessage;
import dev.catena.memory.FileChatMessageHistory;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The 50-message history ({@link FiftyMessageHistory}) through a chat history on disk, the way an
 * application uses one, against LangChain4j's serializer over a file:
 * <ul>
 *   <li>{@code *Read}: read a stored session back, as a chat app does before every model call.
 *       Catena's {@link FileChatMessageHistory} holds it as 50 lines, one per {@code add} (one
 *       message per turn, as an app adds them); LangChain4j's side holds
 *       {@code ChatMessageSerializer.messagesToJson} of the list in one file, as a
 *       {@code ChatMemoryStore} keeps it (it is handed the whole list on every update);</li>
 *   <li>{@code *WriteRead}: store the 50 messages at once in an emptied session (Catena: one
 *       {@code add}, one line, synced to disk; LangChain4j: the file rewritten and synced) and read
 *       them back. Both sync once; emptying the session is not measured.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HistoryStoreJsonBenchmark {

    private static final String STORED = "stored";
    private static final String WRITTEN = "written";

    private Path folder;
    private FileChatMessageHistory history;
    private List<ChatMessage> catenaHistory;
    private List<dev.langchain4j.data.message.ChatMessage> langchain4jHistory;
    private Path langchain4jStored;
    private Path langchain4jWritten;

    @Setup
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("catena-history-bench");
        history = new FileChatMessageHistory(folder, UnreadableMessages.FAIL);
        catenaHistory = FiftyMessageHistory.catena();
        langchain4jHistory = FiftyMessageHistory.langchain4j();
        for (ChatMessage message : catenaHistory) {
            history.add(STORED, message);
        }
        langchain4jStored = folder.resolve("langchain4j-stored.json");
        langchain4jWritten = folder.resolve("langchain4j-written.json");
        writeSynced(langchain4jStored, ChatMessageSerializer.messagesToJson(langchain4jHistory));
        if (!catenaFileHistoryRead().equals(catenaHistory) || !langchain4jFileRead().equals(langchain4jHistory)) {
            throw new IllegalStateException("both stores must give the history back as it was");
        }
    }

    /** Empties the written session and file before each write, unmeasured. */
    @Setup(Level.Invocation)
    public void emptyWritten() throws IOException {
        history.clear(WRITTEN);
        Files.deleteIfExists(langchain4jWritten);
        Files.createFile(langchain4jWritten);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public List<ChatMessage> catenaFileHistoryRead() {
        return history.messages(STORED);
    }

    @Benchmark
    public List<dev.langchain4j.data.message.ChatMessage> langchain4jFileRead() throws IOException {
        return ChatMessageDeserializer.messagesFromJson(Files.readString(langchain4jStored));
    }

    @Benchmark
    public List<ChatMessage> catenaFileHistoryWriteRead() {
        history.add(WRITTEN, catenaHistory);
        return history.messages(WRITTEN);
    }

    @Benchmark
    public List<dev.langchain4j.data.message.ChatMessage> langchain4jFileWriteRead() throws IOException {
        writeSynced(langchain4jWritten, ChatMessageSerializer.messagesToJson(langchain4jHistory));
        return ChatMessageDeserializer.messagesFromJson(Files.readString(langchain4jWritten));
    }

    /** What a durable file store does: replace the file's content and sync it before returning. */
    private static void writeSynced(Path file, String json) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }
}
