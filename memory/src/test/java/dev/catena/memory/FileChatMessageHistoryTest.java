package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.json.UnreadableMessage;
import dev.catena.core.json.UnreadableMessages;
import dev.catena.core.messages.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChatMessageHistoryTest extends ChatMessageHistoryContract {

    @TempDir
    Path dir;

    @Override
    ChatMessageHistory create() {
        return new FileChatMessageHistory(dir);
    }

    @Override
    void appendStored(String sessionId, String stored) throws Exception {
        Files.writeString(new FileChatMessageHistory(dir).fileFor(sessionId), stored + "\n", StandardOpenOption.APPEND);
    }

    @Test
    void writesOneLangChainMessageDictPerSingleAddAndOneArrayPerLargerAdd() throws Exception {
        FileChatMessageHistory history = new FileChatMessageHistory(dir);
        history.add("alice", ChatMessage.system("be brief"));
        history.add("alice", List.of(ChatMessage.user("hi!"), ChatMessage.ai("whats up?")));
        List<String> lines = Files.readAllLines(history.fileFor("alice"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines.get(0)).path("type").asText()).isEqualTo("system");
        JsonNode add = new ObjectMapper().readTree(lines.get(1));
        assertThat(add.isArray()).isTrue();
        assertThat(add.get(0).path("type").asText()).isEqualTo("human");
        assertThat(add.get(0).path("data").path("content").asText()).isEqualTo("hi!");
        assertThat(add.get(1).path("type").asText()).isEqualTo("ai");
        assertThat(history.messages("alice")).extracting(ChatMessage::text).containsExactly("be brief", "hi!", "whats up?");
    }

    @Test
    void tornLastLineIsSkippedThenCutOffByTheNextAppend() throws Exception {
        FileChatMessageHistory history = new FileChatMessageHistory(dir);
        history.add("s", List.of(ChatMessage.user("one"), ChatMessage.ai("two")));
        Path file = history.fileFor("s");
        // A crash in the middle of writing the third message: half a line, no newline.
        Files.writeString(file, "{\"type\": \"human\", \"data\": {\"content\": \"thr", StandardOpenOption.APPEND);

        FileChatMessageHistory afterRestart = new FileChatMessageHistory(dir);
        assertThat(afterRestart.messages("s")).extracting(ChatMessage::text).containsExactly("one", "two");

        afterRestart.add("s", ChatMessage.user("three"));
        assertThat(afterRestart.messages("s")).extracting(ChatMessage::text).containsExactly("one", "two", "three");
        assertThat(Files.readAllLines(file)).hasSize(2); // the first add is one line
    }

    @Test
    void aCorruptCompleteLineIsAnErrorNamingTheLineWhenTheCallerChoosesToFail() throws Exception {
        FileChatMessageHistory history = new FileChatMessageHistory(dir, UnreadableMessages.FAIL);
        history.add("s", ChatMessage.user("one"));
        Files.writeString(history.fileFor("s"), "not json\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> history.messages("s"))
                .isInstanceOf(ChatHistoryException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void unreadableMessagesAreReportedWithTheirPositionAndSkippedByDefault() throws Exception {
        FileChatMessageHistory history = new FileChatMessageHistory(dir);
        history.add("s", ChatMessage.user("one"));
        Files.writeString(history.fileFor("s"), "not json\n" + "[".repeat(2_000) + "]".repeat(2_000) + "\n"
                + "[{\"type\": \"alien\", \"data\": {\"content\": \"?\"}}, {\"type\": \"ai\", \"data\": {\"content\": \"two\"}}]\n",
                StandardOpenOption.APPEND);
        history.add("s", ChatMessage.user("three"));

        assertThat(history.messages("s")).extracting(ChatMessage::text).containsExactly("one", "two", "three");

        List<UnreadableMessage> reported = new ArrayList<>();
        FileChatMessageHistory reporting = new FileChatMessageHistory(dir, UnreadableMessages.skip(reported::add));
        assertThat(reporting.messages("s")).hasSize(3);
        assertThat(reported).extracting(UnreadableMessage::position).containsExactly(1, 1, 1);
        assertThat(reported.get(0).reason()).contains("line 2");
        assertThat(reported.get(1).reason()).contains("line 3").contains("not valid JSON");
        assertThat(reported.get(2).reason()).contains("line 4").contains("alien");
        assertThatThrownBy(() -> new FileChatMessageHistory(dir, UnreadableMessages.FAIL).messages("s"))
                .isInstanceOf(ChatHistoryException.class).hasMessageContaining("line 2");
    }

    @Test
    void fileNamesAreSafeAndCaseDistinct() {
        assertThat(FileChatMessageHistory.fileName("alice-01")).isEqualTo("alice-01.jsonl");
        assertThat(FileChatMessageHistory.fileName("Alice")).isEqualTo("%41lice.jsonl");
        assertThat(FileChatMessageHistory.fileName("../etc/passwd")).isEqualTo("%2E%2E%2Fetc%2Fpasswd.jsonl");
        assertThat(FileChatMessageHistory.fileName("用户")).isEqualTo("%E7%94%A8%E6%88%B7.jsonl");
        assertThat(FileChatMessageHistory.fileName("x".repeat(500))).startsWith("sha256-").hasSize(7 + 64 + 6);
    }

    @Test
    void clearEmptiesTheFile() throws Exception {
        FileChatMessageHistory history = new FileChatMessageHistory(dir);
        history.add("s", ChatMessage.user("one"));
        history.clear("s");
        assertThat(Files.size(history.fileFor("s"))).isZero();
        assertThat(history.messages("s")).isEmpty();
    }

    @Test
    void historiesOnOneFolderSpelledTwoWaysShareTheSessionsLock() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        List<FileChatMessageHistory> histories = List.of(new FileChatMessageHistory(dir),
                new FileChatMessageHistory(dir.resolve("sub").resolve("..")));
        int threads = 4;
        int appends = 300;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                FileChatMessageHistory history = histories.get(t % 2);
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < appends; i++) {
                        history.add("s", ChatMessage.user(thread + ":" + i));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS); // an OverlappingFileLockException fails here
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(histories.get(0).messages("s")).hasSize(threads * appends);
    }
}
