package dev.catena.core.models;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingResult;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts tokens the way OpenAI's tokenizers do (jtokkit), for splitters, memory windows, context
 * budgets and cost. One counter per encoding is shared and thread-safe.
 *
 * <p>Messages are counted with OpenAI's rule from the cookbook "How to count tokens with tiktoken"
 * (for gpt-3.5-turbo-0613 and later, gpt-4, gpt-4o): every message costs 3 tokens of framing plus
 * its role and content (and 1 more plus the name when it has a name); a list of messages adds 3
 * for the reply's priming ({@code <|start|>assistant<|message|>}). Tool calls add their name and
 * arguments plus 3 each, an estimate: OpenAI does not publish the exact framing of tool calls.
 *
 * <p>A message's count is remembered (keyed by the immutable message), so counting a growing
 * history again costs only the new messages. Text counts are not cached: use
 * {@link #count(String)} once per piece and keep the number.
 *
 * <pre>{@code
 * TokenCounter counter = TokenCounter.forModel("gpt-4o");
 * int n = counter.count("天道酬勤");
 * }</pre>
 */
public final class TokenCounter {

    /** Tokens of framing around every message. */
    public static final int TOKENS_PER_MESSAGE = 3;
    /** Extra tokens when a message carries a name. */
    public static final int TOKENS_PER_NAME = 1;
    /** Tokens that prime the assistant's reply after a list of messages. */
    public static final int REPLY_PRIMING_TOKENS = 3;

    private static final int MESSAGE_CACHE_LIMIT = 100_000;
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final Map<EncodingType, TokenCounter> BY_ENCODING = new ConcurrentHashMap<>();

    private final Encoding encoding;
    private final Map<ChatMessage, Integer> messageCounts = new ConcurrentHashMap<>();
    private final LongAdder messagesTokenized = new LongAdder(); // how often a message was really counted, for tests

    private TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    /**
     * {@return the counter for a model name: o200k_base for the gpt-4o, gpt-4.1, gpt-4.5, gpt-5 and o-series
     * (o1, o3, o4…) families, cl100k_base for gpt-4, gpt-3.5 and the text-embedding-3/ada-002
     * models (and the davinci-002/babbage-002 base models), p50k_base or r50k_base for the old
     * completion models, as tiktoken's table; a fine-tuned {@code ft:<base>:…} name counts as its
     * base model} Anything else gets cl100k_base as a documented approximation (other providers
     * use their own tokenizers).
     *
     * @param modelName a model name such as "gpt-4o-mini"
     */
    public static TokenCounter forModel(String modelName) {
        Objects.requireNonNull(modelName, "model name");
        return of(encodingFor(modelName));
    }

    /**
     * {@return the counter for an encoding by name: "o200k_base", "cl100k_base", "p50k_base", "p50k_edit" or
     * "r50k_base"}
     *
     * @param encodingName the encoding's name
     */
    public static TokenCounter of(String encodingName) {
        return of(EncodingType.fromName(encodingName).orElseThrow(() -> new IllegalArgumentException(
                "unknown encoding '" + encodingName + "'; use o200k_base, cl100k_base, p50k_base, p50k_edit or r50k_base")));
    }

    /**
     * {@return the counter for a jtokkit encoding type}
     *
     * @param type the encoding type
     */
    public static TokenCounter of(EncodingType type) {
        return BY_ENCODING.computeIfAbsent(type, t -> new TokenCounter(REGISTRY.getEncoding(t)));
    }

    static EncodingType encodingFor(String modelName) {
        String m = modelName.toLowerCase(Locale.ROOT);
        int slash = m.lastIndexOf('/');
        if (slash >= 0) {
            m = m.substring(slash + 1); // "openai/gpt-4o" as routers name it
        }
        if (m.startsWith("ft:")) {
            m = m.substring(3); // a fine-tuned model ("ft:gpt-4o-mini:org::id") uses its base model's encoding
        }
        if (m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-4.5") || m.startsWith("gpt-5")
                || m.startsWith("chatgpt-4o") || m.startsWith("gpt-oss") || m.matches("o\\d.*")) {
            return EncodingType.O200K_BASE;
        }
        // As tiktoken's table: the old text-davinci-001 is r50k_base, and davinci-002/babbage-002 (the
        // replacement base models) are cl100k_base.
        if (m.startsWith("text-davinci-001")) {
            return EncodingType.R50K_BASE;
        }
        if (m.startsWith("text-davinci-00") || m.startsWith("code-davinci") || m.startsWith("code-cushman")) {
            return EncodingType.P50K_BASE;
        }
        return EncodingType.CL100K_BASE;
    }

    /** {@return the encoding's name, e.g. "o200k_base"} */
    public String encodingName() {
        return encoding.getName();
    }

    /**
     * {@return the tokens in a text}
     *
     * @param text the text
     */
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    /**
     * {@return {@code min(count(text), limit)}, but encoding stops once the limit is reached, so asking
     * whether a long text fits a budget costs only the budget (text splitters ask this of every
     * piece)}
     *
     * @param text the text
     * @param limit the budget, at least 1
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public int countUpTo(String text, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("token limit must be at least 1, got " + limit);
        }
        if (text.isEmpty()) {
            return 0;
        }
        // A token spans at most a few chars of ordinary text, so a short text is counted outright:
        // jtokkit's bounded encode also decodes what it encoded, which costs more than it saves here.
        if (text.length() <= 4L * limit) {
            return Math.min(encoding.countTokensOrdinary(text), limit);
        }
        EncodingResult result = encoding.encodeOrdinary(text, limit);
        return result.isTruncated() ? limit : result.getTokens().size();
    }

    /**
     * {@return the tokens a message costs in a chat request, framing included; remembered per message}
     *
     * @param message the message
     */
    public int count(ChatMessage message) {
        Integer known = messageCounts.get(message);
        if (known != null) {
            return known;
        }
        int tokens = countUncached(message);
        messagesTokenized.increment();
        if (messageCounts.size() >= MESSAGE_CACHE_LIMIT) {
            messageCounts.clear(); // a crude bound; a long-lived history is counted again once
        }
        messageCounts.put(message, tokens);
        return tokens;
    }

    /**
     * {@return the tokens a chat request of these messages costs, reply priming included}
     *
     * @param messages the messages of the request
     */
    public int count(List<? extends ChatMessage> messages) {
        int total = REPLY_PRIMING_TOKENS;
        for (ChatMessage m : messages) {
            total += count(m);
        }
        return total;
    }

    /**
     * {@return the token ids of a text}
     *
     * @param text the text
     */
    public int[] encode(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    /**
     * {@return the text of token ids (a slice that cuts a multi-byte character decodes to a replacement
     * character)}
     *
     * @param tokens the token ids
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     */
    public String decode(int[] tokens, int from, int to) {
        IntArrayList list = new IntArrayList(to - from);
        for (int i = from; i < to; i++) {
            list.add(tokens[i]);
        }
        return encoding.decode(list);
    }

    /** How many times a message was tokenized rather than taken from memory. */
    long messagesTokenized() {
        return messagesTokenized.sum();
    }

    /**
     * {@return the UTF-8 bytes of token ids; unlike {@link #decode} it never replaces a cut character}
     *
     * @param tokens the token ids
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     */
    public byte[] decodeBytes(int[] tokens, int from, int to) {
        IntArrayList list = new IntArrayList(to - from);
        for (int i = from; i < to; i++) {
            list.add(tokens[i]);
        }
        return encoding.decodeBytes(list);
    }

    private int countUncached(ChatMessage message) {
        // a chat-role message travels with its own role name
        String role = message instanceof ChatRoleMessage c ? c.speaker() : message.role().openAiName();
        int tokens = TOKENS_PER_MESSAGE + count(role) + count(message.text());
        // User, system, chat-role and function messages carry a name on the wire; a tool result's name is
        // not sent in OpenAI's form.
        if (!(message instanceof ToolMessage || message instanceof AiMessage) && message.name().isPresent()) {
            tokens += TOKENS_PER_NAME + count(message.name().get());
        }
        if (message instanceof AiMessage ai) {
            for (ToolCall call : ai.toolCalls()) {
                tokens += TOKENS_PER_MESSAGE + count(call.name()) + count(call.arguments());
            }
        }
        return tokens;
    }
}
