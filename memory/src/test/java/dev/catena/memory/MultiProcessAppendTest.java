package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several replicas of a service appending to one conversation: real child JVMs (running
 * {@link AppendingProcess}) write to the same session of a SQLite file and of the PostgreSQL server
 * the tests use, all at once. Nothing may be lost, and each writer's messages must keep the order it
 * wrote them in. {@link #assertChildrenAppendWhole} is shared with the Redis module's test.
 */
class MultiProcessAppendTest {

    private static final int WRITERS = 3;
    private static final int PER_WRITER = 100;

    @TempDir
    Path dir;

    @Test
    void childProcessesAppendingToOneSessionLoseNothingAndKeepEachWritersOrder() throws Exception {
        String session = UUID.randomUUID().toString();
        String table = "mp_" + session.replace("-", ""); // fresh, so the children also race to create it
        assertChildrenAppendWhole(dir, AppendingProcess.class, session, List.of(
                "jdbc:sqlite:" + dir.resolve("chats.db") + "|" + table,
                TestServers.postgresJdbcUrl() + "|" + table), AppendingProcess::open);
    }

    @Test
    void batchesFromChildProcessesStayContiguous() throws Exception {
        String session = UUID.randomUUID().toString();
        String table = "mpb_" + session.replace("-", "");
        assertChildrenAppendWhole(dir, AppendingProcess.class, session, List.of(
                "jdbc:sqlite:" + dir.resolve("chats.db") + "|" + table,
                TestServers.postgresJdbcUrl() + "|" + table), AppendingProcess::open, 4);
    }

    /**
     * Starts {@value #WRITERS} child JVMs running {@code main} (a main that calls
     * {@link AppendingProcess#run}) on these stores, and checks every store's session afterwards.
     */
    static void assertChildrenAppendWhole(Path dir, Class<?> main, String session, List<String> stores,
                                   Function<String, ChatMessageHistory> opener) throws Exception {
        assertChildrenAppendWhole(dir, main, session, stores, opener, 1);
    }

    /**
     * As {@link #assertChildrenAppendWhole(Path, Class, String, List, Function)}, each add holding
     * {@code batch} messages, and checks that every add's messages came out next to each other.
     */
    static void assertChildrenAppendWhole(Path dir, Class<?> main, String session, List<String> stores,
                                   Function<String, ChatMessageHistory> opener, int batch) throws Exception {
        List<Process> children = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                children.add(start(dir, main, w, session, stores, batch));
            }
            for (int w = 0; w < WRITERS; w++) {
                awaitReady(dir, w, children.get(w));
            }
            for (Process child : children) { // as close together as the parent can make it
                Writer stdin = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
                stdin.write("go\n");
                stdin.flush();
            }
            for (int w = 0; w < WRITERS; w++) {
                Process child = children.get(w);
                assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("writer %d finished", w).isTrue();
                assertThat(child.exitValue()).as("writer %d exit code; its stderr:%n%s", w, stderr(dir, w)).isZero();
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }

        for (String store : stores) {
            ChatMessageHistory history = opener.apply(store);
            try {
                List<ChatMessage> messages = history.messages(session);
                assertEveryWriterComplete(store, messages);
                assertBatchesContiguous(store, messages, batch);
            } finally {
                ChatMessageHistoryContract.closeAll(history);
            }
        }
    }

    private static void assertEveryWriterComplete(String store, List<ChatMessage> messages) {
        assertThat(messages).as("messages in %s", store).hasSize(WRITERS * PER_WRITER);
        int[] next = new int[WRITERS];
        for (ChatMessage m : messages) {
            String[] parts = m.text().split(":");
            int writer = Integer.parseInt(parts[0]);
            assertThat(Integer.parseInt(parts[1])).as("order of writer %d in %s", writer, store).isEqualTo(next[writer]);
            next[writer]++;
        }
        assertThat(next).as("messages per writer in %s", store).containsOnly(PER_WRITER);
        int switches = 0;
        for (int i = 1; i < messages.size(); i++) {
            if (!writerOf(messages.get(i)).equals(writerOf(messages.get(i - 1)))) {
                switches++;
            }
        }
        // Without overlap there would be WRITERS - 1 switches, and the test would prove nothing.
        assertThat(switches).as("writers interleaved in %s", store).isGreaterThan(WRITERS - 1);
    }

    /** Every message that is not the first of its add follows the one before it in that add. */
    static void assertBatchesContiguous(String store, List<ChatMessage> messages, int batch) {
        int broken = 0;
        for (int i = 0; i < messages.size(); i++) {
            String[] parts = messages.get(i).text().split(":");
            int index = Integer.parseInt(parts[1]);
            if (index % batch != 0 && (i == 0 || !messages.get(i - 1).text().equals(parts[0] + ":" + (index - 1)))) {
                broken++;
            }
        }
        assertThat(broken).as("messages separated from the rest of their add in %s", store).isZero();
    }

    private static String writerOf(ChatMessage m) {
        return m.text().substring(0, m.text().indexOf(':'));
    }

    private static Process start(Path dir, Class<?> main, int writer, String session, List<String> stores, int batch)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-D" + AppendingProcess.BATCH_PROPERTY + "=" + batch,
                "-cp", System.getProperty("java.class.path"),
                main.getName(),
                String.valueOf(writer), String.valueOf(PER_WRITER), session));
        command.addAll(stores);
        return new ProcessBuilder(command)
                .redirectError(stderrFile(dir, writer).toFile())
                .start();
    }

    private static Path stderrFile(Path dir, int writer) {
        return dir.resolve("writer-" + writer + ".err");
    }

    private static String stderr(Path dir, int writer) throws IOException {
        return Files.readString(stderrFile(dir, writer));
    }

    private static void awaitReady(Path dir, int writer, Process child) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"ready".equals(line)) {
            child.destroyForcibly();
            throw new AssertionError("writer " + writer + " did not get ready; its stderr:\n" + stderr(dir, writer));
        }
    }
}
