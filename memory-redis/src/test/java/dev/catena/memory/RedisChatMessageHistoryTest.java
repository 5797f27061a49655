package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.memory.redis.RedisChatMessageHistory;
import dev.catena.core.messages.ChatMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisChatMessageHistoryTest extends ChatMessageHistoryContract {

    private final RedisClient raw = RedisClient.create(RedisTestServer.url());

    @AfterEach
    void closeRaw() {
        raw.close();
    }

    @Override
    ChatMessageHistory create() {
        return RedisChatMessageHistory.builder(RedisTestServer.url()).build();
    }

    @Override
    void appendStored(String sessionId, String stored) {
        raw.lpush(RedisChatMessageHistory.DEFAULT_KEY_PREFIX + sessionId, stored);
    }

    @Test
    void sharesLangChainJsSessionsWithAnEmptyKeyPrefix() {
        String session = UUID.randomUUID().toString();
        // what @langchain/redis's RedisChatMessageHistory writes: LPUSH <bare session id> JSON.stringify(toDict())
        raw.lpush(session, "{\"type\":\"human\",\"data\":{\"content\":\"hi\",\"additional_kwargs\":{},"
                + "\"response_metadata\":{},\"id\":\"js-1\"}}");
        raw.lpush(session, "{\"type\":\"ai\",\"data\":{\"content\":\"hello\",\"tool_calls\":[],\"invalid_tool_calls\":[],"
                + "\"additional_kwargs\":{},\"response_metadata\":{}}}");
        try (RedisChatMessageHistory history = RedisChatMessageHistory.builder(RedisTestServer.url()).keyPrefix("").build()) {
            assertThat(history.keyFor(session)).isEqualTo(session);
            assertThat(history.messages(session)).extracting(ChatMessage::text).containsExactly("hi", "hello");
            assertThat(history.messages(session).get(0).id()).contains("js-1");
            history.add(session, ChatMessage.user("from Java"));
        }
        // LangChain.js reads LRANGE 0 -1 and reverses: newest first in the list
        List<String> newestFirst = raw.lrange(session, 0, -1);
        assertThat(newestFirst).hasSize(3);
        assertThat(newestFirst.get(0)).contains("from Java");
        assertThat(raw.exists(RedisChatMessageHistory.DEFAULT_KEY_PREFIX + session)).isFalse();
    }

    @Test
    void readsAListWrittenByLangChainsRedisChatMessageHistory() throws Exception {
        String session = UUID.randomUUID().toString();
        // Python: for m in messages: r.lpush("message_store:" + session_id, json.dumps(message_to_dict(m)))
        for (String json : LangChainFixtures.PYTHON_MESSAGES) {
            raw.lpush("message_store:" + session, json);
        }
        try (RedisChatMessageHistory history = RedisChatMessageHistory.builder(RedisTestServer.url()).build()) {
            assertThat(history.messages(session)).isEqualTo(LangChainFixtures.EXPECTED);
            history.add(session, List.of(ChatMessage.user("from Java"), ChatMessage.ai("hello Python")));
        }
        // Python reads lrange(key, 0, -1) reversed: so the newest message must be at index 0.
        List<String> newestFirst = raw.lrange("message_store:" + session, 0, -1);
        assertThat(newestFirst).hasSize(5);
        LangChainFixtures.assertLangChainDict(newestFirst.get(0), "ai", "hello Python");
        LangChainFixtures.assertLangChainDict(newestFirst.get(1), "human", "from Java");
        assertThat(newestFirst.get(4)).isEqualTo(LangChainFixtures.PYTHON_MESSAGES.get(0));
    }

    @Test
    void keyPrefixIsConfigurable() {
        String session = UUID.randomUUID().toString();
        try (RedisChatMessageHistory history = RedisChatMessageHistory.builder(RedisTestServer.url())
                .keyPrefix("app1:chat:").build()) {
            history.add(session, ChatMessage.user("hi"));
            assertThat(history.keyFor(session)).isEqualTo("app1:chat:" + session);
        }
        assertThat(raw.llen("app1:chat:" + session)).isEqualTo(1);
        assertThat(raw.exists("message_store:" + session)).isFalse();
    }

    @Test
    void ttlExpiresTheSessionAndEachAddRenewsIt() throws Exception {
        String session = UUID.randomUUID().toString();
        try (RedisChatMessageHistory history = RedisChatMessageHistory.builder(RedisTestServer.url())
                .ttl(Duration.ofMillis(700)).build()) {
            history.add(session, ChatMessage.user("one"));
            assertThat(raw.pttl(history.keyFor(session))).isBetween(1L, 700L);
            Thread.sleep(400);
            history.add(session, ChatMessage.user("two")); // renews the expiry
            Thread.sleep(400);
            assertThat(history.messages(session)).extracting(ChatMessage::text).containsExactly("one", "two");
            Thread.sleep(500);
            assertThat(history.messages(session)).isEmpty();
            assertThat(raw.exists(history.keyFor(session))).isFalse();
        }
    }

    @Test
    void withoutTtlTheKeyDoesNotExpire() {
        String session = UUID.randomUUID().toString();
        try (RedisChatMessageHistory history = RedisChatMessageHistory.builder(RedisTestServer.url()).build()) {
            history.add(session, ChatMessage.user("one"));
            assertThat(raw.pttl(history.keyFor(session))).isEqualTo(-1L);
        }
    }

    @Test
    void anAddThatRedisRejectsInsideTheTransactionFails() {
        String session = UUID.randomUUID().toString();
        raw.set("message_store:" + session, "not a list"); // LPUSH then answers WRONGTYPE inside EXEC
        try (RedisChatMessageHistory history = RedisChatMessageHistory.builder(RedisTestServer.url()).build()) {
            assertThatThrownBy(() -> history.add(session, ChatMessage.user("lost?")))
                    .isInstanceOf(ChatHistoryException.class)
                    .hasMessageContaining("message_store:" + session)
                    .hasMessageContaining("WRONGTYPE");
        }
        assertThat(raw.get("message_store:" + session)).isEqualTo("not a list");
    }
}
