package dev.catena.memory;

import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.SystemMessage;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.models.TokenCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Cuts a list of messages down to a token budget, as LangChain's {@code trim_messages}: keep the
 * last messages (default) or the first, optionally keep a leading system message, and optionally
 * make the kept part start on (or end on) given roles. Unlike LangChain, an AI message with tool
 * calls and the tool results that answer it are kept or dropped together, so a trimmed list is
 * always valid to send. Messages are not split ({@code allow_partial} is not offered).
 *
 * <pre>{@code
 * List<ChatMessage> kept = MessageTrimmer.builder(TokenCounter.forModel("gpt-4o"))
 *         .maxTokens(500)
 *         .includeSystem(true)
 *         .startOn(ChatMessage.Role.USER)
 *         .build()
 *         .trim(messages);
 * }</pre>
 *
 * <p>A message costs {@link TokenCounter#count(ChatMessage)} tokens (framing included); the kept
 * messages together cost at most {@code maxTokens}.
 */
public final class MessageTrimmer {

    /** Which end of the conversation to keep. */
    public enum Strategy {
        /** Keep the first messages that fit. */
        FIRST,
        /** Keep the last messages that fit (the default). */
        LAST
    }

    private final int maxTokens;
    private final ToIntFunction<ChatMessage> counter;
    private final Strategy strategy;
    private final boolean includeSystem;
    private final Set<ChatMessage.Role> startOn;
    private final Set<ChatMessage.Role> endOn;

    private MessageTrimmer(Builder b) {
        this.maxTokens = b.maxTokens;
        this.counter = b.counter;
        this.strategy = b.strategy;
        this.includeSystem = b.includeSystem;
        this.startOn = Set.copyOf(b.startOn);
        this.endOn = Set.copyOf(b.endOn);
    }

    /**
     * {@return the last messages that fit {@code maxTokens}, counted with this counter, with the common
     * options off}
     *
     * @param messages the conversation, oldest first
     * @param maxTokens the budget
     * @param counter counts each message's tokens
     */
    public static List<ChatMessage> trimMessages(List<? extends ChatMessage> messages, int maxTokens, TokenCounter counter) {
        return builder(counter).maxTokens(maxTokens).build().trim(messages);
    }

    /**
     * Settings counting a message's tokens with this counter.
     *
     * @param counter the tokenizer of the model the messages go to
     * @return the settings; set at least {@link Builder#maxTokens}
     */
    public static Builder builder(TokenCounter counter) {
        Objects.requireNonNull(counter, "token counter");
        return new Builder(counter::count);
    }

    /**
     * Settings counting a message's tokens with this function (a provider's own tokenizer, say).
     *
     * @param counter the tokens of one message
     * @return the settings; set at least {@link Builder#maxTokens}
     */
    public static Builder builder(ToIntFunction<ChatMessage> counter) {
        return new Builder(Objects.requireNonNull(counter, "token counter"));
    }

    /**
     * {@return the messages that are kept, in their original order}
     *
     * @param input the conversation, oldest first
     */
    public List<ChatMessage> trim(List<? extends ChatMessage> input) {
        List<ChatMessage> messages = new ArrayList<>(input);
        if (strategy == Strategy.LAST && !endOn.isEmpty()) {
            // LangChain drops trailing messages of other roles first.
            while (!messages.isEmpty() && !endOn.contains(messages.get(messages.size() - 1).role())) {
                messages.remove(messages.size() - 1);
            }
        }
        SystemMessage system = null;
        int budget = maxTokens;
        if (strategy == Strategy.LAST && includeSystem && !messages.isEmpty() && messages.get(0) instanceof SystemMessage s) {
            system = s;
            messages.remove(0);
            budget = Math.max(0, budget - counter.applyAsInt(s));
        }
        List<List<ChatMessage>> groups = groups(messages);
        List<List<ChatMessage>> kept = new ArrayList<>();
        int used = 0;
        for (int g = 0; g < groups.size(); g++) {
            List<ChatMessage> group = groups.get(strategy == Strategy.LAST ? groups.size() - 1 - g : g);
            int cost = group.stream().mapToInt(counter).sum();
            if (used + cost > budget) {
                break;
            }
            used += cost;
            kept.add(group);
        }
        if (strategy == Strategy.LAST) {
            Collections.reverse(kept);
        }
        List<ChatMessage> result = new ArrayList<>();
        kept.forEach(result::addAll);
        if (strategy == Strategy.LAST && !startOn.isEmpty()) {
            while (!result.isEmpty() && !startOn.contains(result.get(0).role())) {
                result.remove(0);
            }
        }
        if (strategy == Strategy.FIRST && !endOn.isEmpty()) {
            while (!result.isEmpty() && !endOn.contains(result.get(result.size() - 1).role())) {
                result.remove(result.size() - 1);
            }
        }
        if (system != null) {
            result.add(0, system);
        }
        return result;
    }

    /** Messages in units that must not be split: an AI message with tool calls plus the tool results after it. */
    private static List<List<ChatMessage>> groups(List<ChatMessage> messages) {
        List<List<ChatMessage>> groups = new ArrayList<>();
        for (ChatMessage m : messages) {
            boolean joinsPrevious = m instanceof ToolMessage && !groups.isEmpty()
                    && groups.get(groups.size() - 1).get(0) instanceof AiMessage ai && ai.hasToolCalls();
            if (joinsPrevious) {
                groups.get(groups.size() - 1).add(m);
            } else {
                List<ChatMessage> group = new ArrayList<>();
                group.add(m);
                groups.add(group);
            }
        }
        return groups;
    }

    /** Settings of a {@link MessageTrimmer}. */
    public static final class Builder {
        private final ToIntFunction<ChatMessage> counter;
        private int maxTokens = -1;
        private Strategy strategy = Strategy.LAST;
        private boolean includeSystem;
        private final Set<ChatMessage.Role> startOn = EnumSet.noneOf(ChatMessage.Role.class);
        private final Set<ChatMessage.Role> endOn = EnumSet.noneOf(ChatMessage.Role.class);

        private Builder(ToIntFunction<ChatMessage> counter) {
            this.counter = counter;
        }

        /**
         * The budget (required).
         *
         * @param maxTokens the budget, in tokens
         * @return this builder
         */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = TokenWindow.checkedBudget(maxTokens);
            return this;
        }

        /**
         * Keep the last messages (default) or the first.
         *
         * @param strategy which end to keep
         * @return this builder
         */
        public Builder strategy(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * With the LAST strategy: always keep a system message that comes first (its tokens count).
         *
         * @param include true to keep it
         * @return this builder
         */
        public Builder includeSystem(boolean include) {
            this.includeSystem = include;
            return this;
        }

        /**
         * With LAST: drop kept messages from the front until one of these roles starts (e.g. USER).
         *
         * @param roles the roles the kept messages may start with
         * @return this builder
         */
        public Builder startOn(ChatMessage.Role... roles) {
            startOn.addAll(List.of(roles));
            return this;
        }

        /**
         * Drop messages from the end until one of these roles ends the list (e.g. USER or AI).
         *
         * @param roles the roles the kept messages may end with
         * @return this builder
         */
        public Builder endOn(ChatMessage.Role... roles) {
            endOn.addAll(List.of(roles));
            return this;
        }

        /** {@return the trimmer; fails if no budget was set} */
        public MessageTrimmer build() {
            if (maxTokens < 0) {
                throw new IllegalStateException("set maxTokens(...) for the message trimmer");
            }
            return new MessageTrimmer(this);
        }
    }
}
