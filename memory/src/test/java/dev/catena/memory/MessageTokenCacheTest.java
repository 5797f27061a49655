package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.messages.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageTokenCacheTest {

    @Test
    void twoReadersExtendingOneSessionWithDifferentMessagesEachGetTheirOwnCounts() throws Exception {
        ChatMessage a = ChatMessage.user("a");
        ChatMessage b = ChatMessage.user("bbbbbbbb");
        CountDownLatch countingB = new CountDownLatch(1);
        CountDownLatch aDone = new CountDownLatch(1);
        MessageTokenCache cache = new MessageTokenCache(m -> {
            if (m.equals(b)) {
                countingB.countDown();
                try {
                    aDone.await(10, TimeUnit.SECONDS); // b's reader stalls mid-extension while a's runs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return m.text().length();
        });
        List<ChatMessage> base = List.of(ChatMessage.user("one"), ChatMessage.ai("three"));
        cache.counts("s", base);

        // Two replicas appended different messages; each reader saw the base plus its own.
        List<ChatMessage> withB = new ArrayList<>(base);
        withB.add(b);
        CompletableFuture<int[]> readerB = CompletableFuture.supplyAsync(() -> cache.counts("s", withB));
        assertThat(countingB.await(10, TimeUnit.SECONDS)).isTrue();
        List<ChatMessage> withA = new ArrayList<>(base);
        withA.add(a);
        int[] countsA = cache.counts("s", withA);
        aDone.countDown();
        int[] countsB = readerB.get(10, TimeUnit.SECONDS);

        assertThat(countsA[2]).as("tokens of a").isEqualTo(1);
        assertThat(countsB[2]).as("tokens of b").isEqualTo(8);
        assertThat(new int[] {countsA[0], countsA[1], countsB[0], countsB[1]}).containsExactly(3, 5, 3, 5);
        // Whatever the cache kept, a later read of either history gets counts of its own messages.
        assertThat(cache.counts("s", withA)[2]).isEqualTo(1);
        assertThat(cache.counts("s", withB)[2]).isEqualTo(8);
    }
}
