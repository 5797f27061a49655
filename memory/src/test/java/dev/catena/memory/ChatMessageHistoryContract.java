package dev.catena.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.FunctionMessage;
import dev.catena.core.messages.ContentPart;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.messages.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatMessageHistory} must do. Each store's test extends this and says how to
 * open the store; session ids are fresh UUIDs, so stores on shared servers need no cleanup.
 */
abstract class ChatMessageHistoryContract {

    private final List<Object> opened = new ArrayList<>();

    /** A new handle on the same store (a second replica, or the same process after a restart). */
    abstract ChatMessageHistory create();

    final ChatMessageHistory open() {
        ChatMessageHistory h = create();
        opened.add(h);
        return h;
    }

    @AfterEach
    void closeHandles() throws Exception {
        closeAll(opened.toArray());
        opened.clear();
    }

    /** Whether a second handle sees what the first wrote (false only for the in-memory store). */
    boolean shared() {
        return true;
    }

    /**
     * Appends one entry exactly as the store keeps it, bypassing {@code add}, as another program
     * (or a damaged disk) could; stores that keep objects rather than text have no such entry.
     */
    void appendStored(String sessionId, String stored) throws Exception {
        throw new UnsupportedOperationException("this store keeps objects, not text");
    }

    /** Whether the store keeps text that could be unreadable (false only for the in-memory store). */
    boolean keepsText() {
        return true;
    }

    @Test
    void oneUnreadableStoredMessageLeavesTheRestOfTheSessionReadable() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(keepsText(), "the store keeps objects, which are always readable");
        ChatMessageHistory history = open();
        String session = newSession();
        history.add(session, ChatMessage.user("one"));
        appendStored(session, "{\"type\": \"alien\", \"data\": {\"content\": \"?\"}}");
        appendStored(session, "{\"type\": \"ai\", \"data\": {\"content\": \"two\", \"id\": \"from-python\"}}");
        history.add(session, ChatMessage.user("three"));

        List<ChatMessage> messages = history.messages(session);

        assertThat(messages).extracting(ChatMessage::text).containsExactly("one", "two", "three");
        assertThat(messages.get(1).id()).contains("from-python");
    }

    @Test
    void chatAndFunctionMessagesStoredByLangChainAreRead() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(keepsText(), "the store keeps objects, not LangChain's text");
        ChatMessageHistory history = open();
        String session = newSession();
        history.add(session, ChatMessage.user("first"));
        // json.dumps(message_to_dict(m)) of Python's ChatMessage and FunctionMessage, and LangChain.js's generic type
        appendStored(session, "{\"type\": \"chat\", \"data\": {\"content\": \"Too long.\", \"additional_kwargs\": {}, "
                + "\"response_metadata\": {}, \"type\": \"chat\", \"name\": null, \"id\": null, \"role\": \"critic\"}}");
        appendStored(session, "{\"type\": \"function\", \"data\": {\"content\": \"42\", \"additional_kwargs\": {}, "
                + "\"response_metadata\": {}, \"type\": \"function\", \"name\": \"calculator\", \"id\": null}}");
        appendStored(session, "{\"type\": \"generic\", \"data\": {\"content\": \"Once upon a time\", \"role\": \"narrator\", "
                + "\"additional_kwargs\": {}, \"response_metadata\": {}}}");

        assertThat(history.messages(session)).containsExactly(ChatMessage.user("first"),
                ChatMessage.chat("critic", "Too long."),
                new FunctionMessage("calculator", "42"), ChatMessage.chat("narrator", "Once upon a time"));
    }

    static String newSession() {
        return UUID.randomUUID().toString();
    }

    @Test
    void unknownSessionIsEmpty() {
        assertThat(open().messages(newSession())).isEmpty();
    }

    @Test
    void addsAndReadsInOrder() {
        ChatMessageHistory history = open();
        String session = newSession();
        history.add(session, ChatMessage.user("one"));
        history.add(session, List.of(ChatMessage.ai("two"), ChatMessage.user("three")));
        history.add(session, List.of());
        history.add(session, ChatMessage.ai("four"));
        assertThat(history.messages(session)).extracting(ChatMessage::text).containsExactly("one", "two", "three", "four");
    }

    @Test
    void everyKindOfMessageComesBackEqual() {
        ChatMessageHistory history = open();
        String session = newSession();
        List<ChatMessage> all = List.of(
                ChatMessage.system("You are terse."),
                new UserMessage(List.of(new ContentPart.Text("what's the weather?")), "alice"),
                new AiMessage("", List.of(new ToolCall("call_1", "weather", "{\"city\":\"Paris\"}")), null, "tool_calls",
                        new TokenUsage(12, 5, 17)),
                new ToolMessage("call_1", "18°C, sunny", "weather"),
                AiMessage.of("It is 18°C and sunny in Paris."),
                new ChatRoleMessage("critic", "Say which city.", null, "c-1", Map.of("k", 1), null),
                new FunctionMessage("calculator", "42"));
        history.add(session, all);
        assertThat(history.messages(session)).isEqualTo(all);
    }

    @Test
    void clearRemovesOnlyThatSession() {
        ChatMessageHistory history = open();
        String a = newSession();
        String b = newSession();
        history.add(a, ChatMessage.user("for a"));
        history.add(b, ChatMessage.user("for b"));
        history.clear(a);
        assertThat(history.messages(a)).isEmpty();
        assertThat(history.messages(b)).extracting(ChatMessage::text).containsExactly("for b");
        history.clear(a); // clearing twice is fine
        history.add(a, ChatMessage.user("again"));
        assertThat(history.messages(a)).extracting(ChatMessage::text).containsExactly("again");
    }

    @Test
    void sessionsAreIsolatedEvenWhenIdsDifferOnlyInCase() {
        ChatMessageHistory history = open();
        String base = "Sess-" + UUID.randomUUID();
        history.add(base, ChatMessage.user("upper"));
        history.add(base.toLowerCase(), ChatMessage.user("lower"));
        assertThat(history.messages(base)).extracting(ChatMessage::text).containsExactly("upper");
        assertThat(history.messages(base.toLowerCase())).extracting(ChatMessage::text).containsExactly("lower");
    }

    @Test
    void unicodeAndAwkwardTextSurvive() {
        ChatMessageHistory history = open();
        String session = newSession();
        String text = "你好，世界 🌍 — \"quotes\", back\\slash, tab\t, newline\nsecond line, NUL-free émoji 👩‍💻";
        history.add(session, List.of(ChatMessage.user(text), ChatMessage.ai("")));
        assertThat(history.messages(session)).extracting(ChatMessage::text).containsExactly(text, "");
    }

    @Test
    void largeMessagesSurvive() {
        ChatMessageHistory history = open();
        String session = newSession();
        String big = "大".repeat(200_000) + "x".repeat(600_000); // ~1.2 MB of UTF-8
        history.add(session, ChatMessage.ai(big));
        assertThat(history.messages(session).get(0).text()).isEqualTo(big);
    }

    @Test
    void anotherHandleSeesTheSameConversation() {
        if (!shared()) {
            return; // documented: an in-memory history lives in one object
        }
        String session = newSession();
        open().add(session, ChatMessage.user("written by replica 1"));
        ChatMessageHistory second = open();
        second.add(session, ChatMessage.ai("written by replica 2"));
        assertThat(open().messages(session)).extracting(ChatMessage::text)
                .containsExactly("written by replica 1", "written by replica 2");
    }

    @Test
    void eightThreadsTimesAThousandAppendsLoseNothingAndKeepOrder() throws Exception {
        int threads = 8;
        int perThread = 1000;
        String session = newSession();
        // Threads alternate between two handles, as two replicas of a service would.
        ChatMessageHistory[] handles = shared() ? new ChatMessageHistory[] {open(), open()} : new ChatMessageHistory[] {open()};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                ChatMessageHistory h = handles[t % handles.length];
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        h.add(session, ChatMessage.user(thread + ":" + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        ChatMessageHistory reader = open();
        List<ChatMessage> messages = reader.messages(session);
        assertThat(messages).hasSize(threads * perThread);
        int[] next = new int[threads];
        for (ChatMessage m : messages) {
            String[] parts = m.text().split(":");
            int thread = Integer.parseInt(parts[0]);
            assertThat(Integer.parseInt(parts[1])).as("order of thread %d", thread).isEqualTo(next[thread]);
            next[thread]++;
        }
        assertThat(next).containsOnly(perThread);
    }

    static void closeAll(Object... handles) throws Exception {
        for (Object h : handles) {
            if (h instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
