package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An add to a file history is all or nothing after a crash, wherever the crash cuts the file. */
class FileHistoryCrashTest {

    @TempDir
    Path dir;

    @Test
    void aFileCutAtAnyOffsetOfAMultiMessageAddShowsAllOfItOrNone() throws Exception {
        FileChatMessageHistory history = new FileChatMessageHistory(dir.resolve("whole"));
        history.add("s", ChatMessage.user("What is 6 * 7 and 2 + 2?"));
        byte[] before = Files.readAllBytes(history.fileFor("s"));
        history.add("s", List.of(
                AiMessage.ofToolCalls(List.of(new ToolCall("c1", "multiply", "{\"a\":6,\"b\":7}"),
                        new ToolCall("c2", "add", "{\"a\":2,\"b\":2}"))),
                ChatMessage.tool("c1", "42"), ChatMessage.tool("c2", "4")));
        byte[] after = Files.readAllBytes(history.fileFor("s"));

        FileChatMessageHistory damaged = new FileChatMessageHistory(dir.resolve("cut"));
        Path file = damaged.fileFor("s");
        for (int cut = before.length; cut <= after.length; cut++) {
            Files.write(file, Arrays.copyOf(after, cut));
            int seen = damaged.messages("s").size();
            assertThat(seen).as("messages seen with the file cut at byte %d of %d", cut, after.length)
                    .isEqualTo(cut == after.length ? 4 : 1);
            // the next add cuts the torn add off: it never shows up later either
            damaged.add("s", ChatMessage.user("next"));
            assertThat(damaged.messages("s")).extracting(ChatMessage::text).endsWith("next")
                    .hasSize(cut == after.length ? 5 : 2);
        }
    }

    @Test
    void aWriterKilledDuringAddsLeavesOnlyWholeAdds() throws Exception {
        Path store = dir.resolve("killed");
        for (int kill = 0; kill < 5; kill++) {
            String session = "s" + kill;
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:TieredStopAtLevel=1", "-D" + AppendingProcess.BATCH_PROPERTY + "=3",
                    "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                    "0", "1000000", session, store.toString())
                    .redirectErrorStream(true).start();
            try {
                assertThat(new String(child.getInputStream().readNBytes(6))).isEqualTo("ready\n");
                child.getOutputStream().write("go\n".getBytes());
                child.getOutputStream().flush();
                Path file = new FileChatMessageHistory(store).fileFor(session);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                long least = 2_000 + kill * 3_000L; // kill at a different point each time
                while ((!Files.exists(file) || Files.size(file) < least) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
            } finally {
                child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
                child.waitFor(30, TimeUnit.SECONDS);
            }
            List<ChatMessage> messages = new FileChatMessageHistory(store).messages(session);
            assertThat(messages).isNotEmpty();
            assertThat(messages.size() % 3).as("messages after kill %d: %d", kill, messages.size()).isZero();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                expected.add("0:" + i);
            }
            assertThat(messages).extracting(ChatMessage::text).containsExactlyElementsOf(expected);
        }
    }

    /** The killed child's main: appends batches of three to a file history in the folder it is given. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            AppendingProcess.run(args, folder -> new FileChatMessageHistory(Path.of(folder)));
        }
    }
}
