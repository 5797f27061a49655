package dev.catena.models;

import dev.catena.core.models.ChatModel;
import dev.catena.models.anthropic.AnthropicChatModel;
import dev.catena.models.openai.OpenAiChatModel;
import dev.catena.models.openai.OpenAiDialect;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a chat model from the environment:
 * <ol>
 *   <li>{@code OPENAI_API_KEY} or {@code OPENAI_BASE_URL} set: an {@link OpenAiChatModel}
 *       ({@code OPENAI_MODEL}, default gpt-4o-mini; a base URL without a key, such as a local
 *       Ollama at {@code http://localhost:11434/v1}, is used without a key);</li>
 *   <li>else {@code ANTHROPIC_API_KEY} set: an {@link AnthropicChatModel} ({@code ANTHROPIC_MODEL},
 *       default claude-haiku-4-5);</li>
 *   <li>else {@link #fromEnvironment()} throws, naming the variables: a library never swaps a
 *       real model for a fake one behind your back. Code that should also run offline (the
 *       examples) says so: {@code ChatModels.findInEnvironment().orElseGet(ChatModels::offline)}.</li>
 * </ol>
 * It logs which it chose, and {@link #describe} says so in words.
 */
public final class ChatModels {

    private static final Logger LOG = LoggerFactory.getLogger(ChatModels.class);

    /** The variables that point at a model, for messages. */
    static final String VARIABLES = "OPENAI_API_KEY (or OPENAI_BASE_URL for a local server such as Ollama)"
            + " or ANTHROPIC_API_KEY";

    /** The offline model's replies, in order: they read sensibly as answers to the examples' questions. */
    static final String[] OFFLINE_REPLIES = {
        "Catena is a Java library that brings LangChain's ideas to the JVM: chat models, prompt templates, "
                + "output parsers, chains, memory, retrieval and agents, all composed from one Component interface.",
        "Regularization adds a penalty for complexity to a model's training objective, so it prefers simpler "
                + "explanations and generalises better to data it has not seen.",
        "I am an offline model answering from a script. Set OPENAI_API_KEY (or OPENAI_BASE_URL for a local "
                + "server such as Ollama) or ANTHROPIC_API_KEY to talk to a real model."
    };

    private ChatModels() {
    }

    /**
     * The chat model the process environment points at.
     *
     * @return the model the variables in the class comment select
     * @throws IllegalStateException if none of the variables is set, naming them
     */
    public static ChatModel fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The chat model these variables point at.
     *
     * @param env the variables to read, by name, as {@link System#getenv()} gives them
     * @return the model the variables in the class comment select
     * @throws IllegalStateException if none of the variables is set, naming them
     */
    public static ChatModel fromEnvironment(Map<String, String> env) {
        return findInEnvironment(env).orElseThrow(() -> new IllegalStateException("no chat model is configured: set "
                + VARIABLES + " (and OPENAI_MODEL or ANTHROPIC_MODEL to pick the model); to run offline on purpose,"
                + " use ChatModels.offline()"));
    }

    /**
     * The chat model the process environment points at, if it points at one.
     *
     * @return the model, or empty if none of the variables is set
     */
    public static Optional<ChatModel> findInEnvironment() {
        return findInEnvironment(System.getenv());
    }

    /**
     * The chat model these variables point at, if they point at one. A blank variable counts as unset.
     *
     * @param env the variables to read, by name, as {@link System#getenv()} gives them
     * @return the model, or empty if none of the variables is set
     */
    public static Optional<ChatModel> findInEnvironment(Map<String, String> env) {
        ChatModel model;
        String openAiKey = blankToNull(env.get("OPENAI_API_KEY"));
        String openAiUrl = blankToNull(env.get("OPENAI_BASE_URL"));
        if (openAiKey != null || openAiUrl != null) {
            OpenAiChatModel.Builder b = OpenAiChatModel.builder()
                    .model(orDefault(env.get("OPENAI_MODEL"), "gpt-4o-mini"));
            if (openAiKey != null) {
                b.apiKey(openAiKey);
            }
            if (openAiUrl != null) {
                b.baseUrl(openAiUrl);
            }
            if (openAiKey == null) {
                b.dialect(new OpenAiDialect("OpenAI-compatible server", OpenAiDialect.OPENAI.defaultBaseUrl(), false,
                        true, false, false, true, true, true, OpenAiDialect.ReasoningEcho.STRIP, "reasoning_content", Map.of()));
            }
            model = b.build();
        } else if (blankToNull(env.get("ANTHROPIC_API_KEY")) != null) {
            model = AnthropicChatModel.builder().apiKey(env.get("ANTHROPIC_API_KEY"))
                    .model(orDefault(env.get("ANTHROPIC_MODEL"), "claude-haiku-4-5")).build();
        } else {
            return Optional.empty();
        }
        LOG.info("Using {}", describe(model));
        return Optional.of(model);
    }

    /**
     * The offline model the examples run on without a key: a {@link FakeChatModel} with a few
     * scripted replies that read sensibly as answers to the examples' questions. Choose it
     * explicitly, and tell your users you did ({@link #describe} names it).
     *
     * @return a new scripted model
     */
    public static ChatModel offline() {
        return FakeChatModel.of(OFFLINE_REPLIES);
    }

    /**
     * Says in words which model this is, e.g. for an example's first line of output.
     *
     * @param model the model to name
     * @return the model name and the provider or dialect it goes through, or a note that it is the
     *     offline scripted model; for other models their {@code name()}
     */
    public static String describe(ChatModel model) {
        if (model instanceof FakeChatModel) {
            return "the offline FakeChatModel, scripted replies (set " + VARIABLES + " for a real model)";
        }
        if (model instanceof OpenAiChatModel openAi) {
            return openAi.model() + " via " + openAi.dialect().name();
        }
        if (model instanceof AnthropicChatModel claude) {
            return claude.model() + " via Anthropic";
        }
        return model.name();
    }

    /** A set-but-empty variable ({@code OPENAI_MODEL=} in a .env file) means the default, not an empty model name. */
    private static String orDefault(String value, String fallback) {
        String v = blankToNull(value);
        return v == null ? fallback : v.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
