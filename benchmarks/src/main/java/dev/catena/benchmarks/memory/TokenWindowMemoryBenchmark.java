package dev.catena.benchmarks.memory;

import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.TokenCounter;
import dev.catena.memory.InMemoryChatMessageHistory;
import dev.catena.memory.TokenBufferMemory;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.chat.TokenWindowChatMemory;
import dev.langchain4j.model.TokenCountEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A 5,000-message conversation (about 50 words a message, user and AI taking turns) run through a
 * token-window memory with a 2,000-token budget: each turn adds one message and reads the window.
 * Catena's {@link TokenBufferMemory} against LangChain4j's {@link TokenWindowChatMemory}, both
 * counting with the same jtokkit o200k_base tokenizer and the same per-message rule (3 tokens of
 * framing plus role and text), with no count cache on either side, so the difference is the
 * algorithm: Catena counts each message once; LangChain4j recounts the window on every add and read.
 * Scores are time per turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenWindowMemoryBenchmark {

    static final int MESSAGES = 5_000;
    static final int MAX_TOKENS = 2_000;
    static final TokenCounter COUNTER = TokenCounter.of("o200k_base");

    List<ChatMessage> catenaMessages;
    List<dev.langchain4j.data.message.ChatMessage> langChain4jMessages;

    @Setup
    public void conversation() {
        String[] words = ("memory token window budget model prompt history session message answer question river "
                + "mountain coffee library train ticket weather morning evening planet orbit garden recipe "
                + "butter flour sugar oven minute hour travel city museum painting music concert guitar piano "
                + "language grammar verb noun sentence story chapter dragon castle knight forest").split(" ");
        Random random = new Random(42);
        catenaMessages = new ArrayList<>(MESSAGES);
        langChain4jMessages = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            StringBuilder text = new StringBuilder("Message " + i + ":");
            for (int w = 0; w < 50; w++) {
                text.append(' ').append(words[random.nextInt(words.length)]);
            }
            String t = text.append('.').toString();
            boolean user = i % 2 == 0;
            catenaMessages.add(user ? ChatMessage.user(t) : ChatMessage.ai(t));
            langChain4jMessages.add(user ? UserMessage.from(t) : AiMessage.from(t));
        }
    }

    /** A message's tokens without any cache: framing, role and text, as {@link TokenCounter} counts them. */
    static int uncachedCount(String role, String text) {
        return TokenCounter.TOKENS_PER_MESSAGE + COUNTER.count(role) + COUNTER.count(text);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void catenaTokenBufferMemory(Blackhole bh) {
        InMemoryChatMessageHistory history = new InMemoryChatMessageHistory();
        TokenBufferMemory memory = TokenBufferMemory.builder(history).maxTokens(MAX_TOKENS)
                .messageTokens(m -> uncachedCount(m.role().openAiName(), m.text())).build();
        for (ChatMessage m : catenaMessages) {
            memory.add("s", m);
            bh.consume(memory.messages("s"));
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void langChain4jTokenWindowChatMemory(Blackhole bh) {
        TokenWindowChatMemory memory = TokenWindowChatMemory.builder().maxTokens(MAX_TOKENS, new JtokkitEstimator()).build();
        for (dev.langchain4j.data.message.ChatMessage m : langChain4jMessages) {
            memory.add(m);
            bh.consume(memory.messages());
        }
    }

    /** LangChain4j's estimator interface on the same tokenizer and rule Catena uses. */
    static final class JtokkitEstimator implements TokenCountEstimator {
        @Override
        public int estimateTokenCountInText(String text) {
            return COUNTER.count(text);
        }

        @Override
        public int estimateTokenCountInMessage(dev.langchain4j.data.message.ChatMessage message) {
            if (message instanceof UserMessage u) {
                return uncachedCount("user", u.singleText());
            }
            if (message instanceof AiMessage a) {
                return uncachedCount("assistant", a.text());
            }
            if (message instanceof dev.langchain4j.data.message.SystemMessage s) {
                return uncachedCount("system", s.text());
            }
            throw new IllegalArgumentException("not in this benchmark: " + message.type());
        }

        @Override
        public int estimateTokenCountInMessages(Iterable<dev.langchain4j.data.message.ChatMessage> messages) {
            int total = TokenCounter.REPLY_PRIMING_TOKENS;
            for (dev.langchain4j.data.message.ChatMessage m : messages) {
                total += estimateTokenCountInMessage(m);
            }
            return total;
        }
    }
}
