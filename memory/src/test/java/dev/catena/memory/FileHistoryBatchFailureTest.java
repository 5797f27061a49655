package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.ChatMessage;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends written together in one batch (group commit) when the write fails with an unchecked error. */
class FileHistoryBatchFailureTest {

    @TempDir
    Path dir;

    @Test
    void everyAppendOfAFailedBatchFailsAndEveryAcknowledgedOneIsStored() throws Exception {
        FileChatMessageHistory history = new FileChatMessageHistory(dir);
        Path broken = history.fileFor("broken");
        ReentrantLock lock = FileChatMessageHistory.appendLock(broken);
        // Another session whose file shares the lock, so its appends join the same batch.
        String neighbour = null;
        for (int i = 0; neighbour == null; i++) {
            if (i != 0 && FileChatMessageHistory.appendLock(history.fileFor("n" + i)) == lock) {
                neighbour = "n" + i;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> brokenAppends = new ArrayList<>();
        List<Future<?>> neighbourAppends = new ArrayList<>();
        // A lock this JVM already holds on the file makes the append's own lock() throw the unchecked
        // OverlappingFileLockException.
        try (FileChannel holder = FileChannel.open(broken, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = holder.lock()) {
            lock.lock();
            try {
                for (int i = 0; i < 3; i++) {
                    String text = "lost " + i;
                    brokenAppends.add(pool.submit(() -> history.add("broken", ChatMessage.user(text))));
                    String other = neighbour;
                    String kept = "kept " + i;
                    neighbourAppends.add(pool.submit(() -> history.add(other, ChatMessage.user(kept))));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (lock.getQueueLength() < 6 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(lock.getQueueLength()).isEqualTo(6);
            } finally {
                lock.unlock();
            }
            for (Future<?> f : brokenAppends) {
                assertThat(outcome(f)).as("an append that was not written must fail").isNotNull();
            }
            List<ChatMessage> stored = history.messages(neighbour);
            for (int i = 0; i < neighbourAppends.size(); i++) {
                Throwable failure = outcome(neighbourAppends.get(i));
                if (failure == null) {
                    assertThat(stored).as("an acknowledged append must be stored").contains(ChatMessage.user("kept " + i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(history.messages("broken")).isEmpty();
        history.add("broken", ChatMessage.user("after"));
        assertThat(history.messages("broken")).containsExactly(ChatMessage.user("after"));
    }

    private static Throwable outcome(Future<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }
}
