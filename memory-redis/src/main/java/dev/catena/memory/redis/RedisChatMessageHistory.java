package dev.catena.memory.redis;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.json.UnreadableMessages;
import dev.catena.core.messages.ChatMessage;
import dev.catena.memory.ChatHistoryException;
import dev.catena.memory.StoredMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A chat message history in Redis (through Jedis), laid out as LangChain's
 * {@code RedisChatMessageHistory} (langchain_community) lays it out, so a Python LangChain service
 * shares the conversations: one list per session under the key {@code <prefix><session id>}
 * (prefix {@value #DEFAULT_KEY_PREFIX} by default), each element one message as
 * {@code message_to_dict} JSON, newest first (added with {@code LPUSH}, read with
 * {@code LRANGE 0 -1} and reversed). With a time to live, every add resets the key's expiry.
 *
 * <p>One {@link #add} is one {@code MULTI}/{@code EXEC} transaction of a single {@code LPUSH} (and
 * the expiry), so its messages land together and in order even with many writers.
 *
 * <pre>{@code
 * try (RedisChatMessageHistory history = RedisChatMessageHistory.builder("redis://localhost:6379")
 *         .ttl(Duration.ofDays(7))
 *         .build()) {
 *     history.add("alice", ChatMessage.user("Hello"));
 * }
 * }</pre>
 */
public final class RedisChatMessageHistory implements ChatMessageHistory, AutoCloseable {

    /** LangChain's default key prefix. */
    public static final String DEFAULT_KEY_PREFIX = "message_store:";

    private final UnifiedJedis redis;
    private final boolean ownsClient;
    private final String keyPrefix;
    private final Duration ttl;
    private final UnreadableMessages unreadable;

    private RedisChatMessageHistory(Builder b) {
        this.redis = b.client != null ? b.client : RedisClient.create(b.url);
        this.ownsClient = b.client == null;
        this.keyPrefix = b.keyPrefix;
        this.ttl = b.ttl;
        this.unreadable = b.unreadable;
    }

    /**
     * Settings for a history on the Redis server at this URL, e.g. {@code redis://localhost:6379/0}.
     *
     * @param redisUrl the server's URL, with an optional database number as its path
     * @return a builder; {@link Builder#build()} creates the client, which the history then closes
     */
    public static Builder builder(String redisUrl) {
        return new Builder(Objects.requireNonNull(redisUrl, "Redis URL"), null);
    }

    /**
     * Settings for a history using this (thread-safe) Jedis client, which stays the caller's to close.
     *
     * @param client the client to send commands through
     * @return a builder for a history that leaves {@code client} open on close
     */
    public static Builder builder(UnifiedJedis client) {
        return new Builder(null, Objects.requireNonNull(client, "Redis client"));
    }

    /**
     * The Redis key of a session's list.
     *
     * @param sessionId the session's id
     * @return the key prefix followed by {@code sessionId}
     */
    public String keyFor(String sessionId) {
        StoredMessage.checkSessionId(sessionId);
        return keyPrefix + sessionId;
    }

    @Override
    public void add(String sessionId, List<? extends ChatMessage> messages) {
        String key = keyFor(sessionId);
        if (messages.isEmpty()) {
            return;
        }
        String[] values = messages.stream().map(StoredMessage::write).toArray(String[]::new);
        try (AbstractTransaction tx = redis.multi()) {
            tx.lpush(key, values); // LPUSH k a b c leaves c, b, a at the head: newest first
            if (ttl != null) {
                tx.pexpire(key, ttl.toMillis());
            }
            // A command Redis rejects inside EXEC (WRONGTYPE: the key holds no list) comes back as an
            // element of the result, not as a thrown exception; the append did not happen.
            List<Object> replies = tx.exec();
            if (replies == null) {
                throw new JedisException("the transaction was aborted");
            }
            for (Object reply : replies) {
                if (reply instanceof JedisException rejected) {
                    throw rejected;
                }
            }
        } catch (JedisException e) {
            throw failure("append to", key, e);
        }
    }

    @Override
    public List<ChatMessage> messages(String sessionId) {
        String key = keyFor(sessionId);
        List<String> newestFirst;
        try {
            newestFirst = redis.lrange(key, 0, -1);
        } catch (JedisException e) {
            throw failure("read", key, e);
        }
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        int last = oldestFirst.size() - 1;
        return StoredMessage.readAll(oldestFirst, i -> "at index " + (last - i) + " of Redis list " + key, unreadable);
    }

    @Override
    public void clear(String sessionId) {
        String key = keyFor(sessionId);
        try {
            redis.del(key);
        } catch (JedisException e) {
            throw failure("clear", key, e);
        }
    }

    /** Closes the client if this history made it from a URL. */
    @Override
    public void close() {
        if (ownsClient) {
            redis.close();
        }
    }

    private static ChatHistoryException failure(String what, String key, JedisException e) {
        return new ChatHistoryException("cannot " + what + " Redis chat history " + key + " (" + e.getMessage()
                + "); check that Redis is reachable", e);
    }

    /** Settings of a {@link RedisChatMessageHistory}. */
    public static final class Builder {
        private final String url;
        private final UnifiedJedis client;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration ttl;
        private UnreadableMessages unreadable = UnreadableMessages.SKIP;

        private Builder(String url, UnifiedJedis client) {
            this.url = url;
            this.client = client;
        }

        /**
         * What reading a session does with a stored message it cannot read: by default
         * {@link UnreadableMessages#SKIP} (logged, the rest stays readable); {@link UnreadableMessages#FAIL}
         * to fail the read instead.
         *
         * @param choice what to do with an unreadable stored message
         * @return this builder
         */
        public Builder unreadableMessages(UnreadableMessages choice) {
            this.unreadable = Objects.requireNonNull(choice, "unreadable-message choice");
            return this;
        }

        /**
         * The prefix of every session's key; default {@value RedisChatMessageHistory#DEFAULT_KEY_PREFIX}
         * (LangChain Python's). LangChain.js's {@code RedisChatMessageHistory} keys a session by its bare
         * id: {@code keyPrefix("")} shares its conversations.
         *
         * @param prefix the prefix, possibly empty; not null
         * @return this builder
         */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "key prefix");
            return this;
        }

        /**
         * How long a session lives after its last add (LangChain's {@code ttl}); none by default.
         *
         * @param ttl the time to live, at least one millisecond, or null for none
         * @return this builder
         * @throws IllegalArgumentException if {@code ttl} is zero, negative or under a millisecond
         */
        public Builder ttl(Duration ttl) {
            if (ttl != null && (ttl.isNegative() || ttl.isZero() || ttl.toMillis() == 0)) {
                throw new IllegalArgumentException("ttl must be at least one millisecond, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * The history with these settings.
         *
         * @return a new history
         */
        public RedisChatMessageHistory build() {
            return new RedisChatMessageHistory(this);
        }
    }
}
