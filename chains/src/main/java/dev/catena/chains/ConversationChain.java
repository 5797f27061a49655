package dev.catena.chains;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.PromptValue;
import dev.catena.memory.ChatMemory;
import dev.catena.prompts.ChatPromptTemplate;
import dev.catena.prompts.MessageTemplate;
import dev.catena.prompts.MessagesPlaceholder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A chat over a {@link ChatMemory}, keyed by session id (LangChain's {@code ConversationChain}):
 * the memory's messages for the session fill the prompt's {@code history} placeholder, and each
 * turn is appended to the session's history. Any memory strategy works (buffer, window, token
 * buffer, summary); the history store decides where sessions live.
 *
 * <pre>{@code
 * ConversationChain chat = ConversationChain.of(model, new BufferMemory(new InMemoryChatMessageHistory()));
 * chat.chat("alice", "Hi, I'm Alice");
 * chat.chat("alice", "What is my name?");   // the model sees the first turn
 * }</pre>
 */
public final class ConversationChain implements Chain {

    /** The input key of the user's message. */
    public static final String INPUT = "input";

    /** The default prompt: a system message, the history, then the user's message. */
    public static final ChatPromptTemplate DEFAULT_PROMPT = ChatPromptTemplate.fromMessages(
            MessageTemplate.system("The following is a friendly conversation between a human and an AI. The AI is talkative "
                    + "and provides lots of specific details from its context. If the AI does not know the answer to a "
                    + "question, it truthfully says it does not know."),
            MessagesPlaceholder.of(LlmChain.HISTORY),
            MessageTemplate.user("{" + INPUT + "}"));

    private final LlmChain chain;

    private ConversationChain(LlmChain chain) {
        this.chain = chain;
    }

    /**
     * With the {@link #DEFAULT_PROMPT}.
     *
     * @param model the chat or text model
     * @param memory the memory strategy and the store of sessions
     * @return the chain
     */
    public static ConversationChain of(Component<PromptValue, ?> model, ChatMemory memory) {
        return of(DEFAULT_PROMPT, model, memory);
    }

    /**
     * With another prompt; it must have a {@code history} variable (or placeholder) and {@code input}.
     *
     * @param prompt the prompt, with a {@code history} variable or placeholder and an {@code input} variable
     * @param model the chat or text model
     * @param memory the memory strategy and the store of sessions
     * @return the chain
     * @throws ChainValidationException if the prompt has no {@code history} or no {@code input} variable
     */
    public static ConversationChain of(Component<Map<String, Object>, PromptValue> prompt, Component<PromptValue, ?> model,
                                       ChatMemory memory) {
        LlmChain chain = LlmChain.builder(prompt, model).memory(memory).humanKey(INPUT).outputKey("response")
                .name("ConversationChain").build();
        return new ConversationChain(chain);
    }

    /**
     * Sends {@code message} in session {@code sessionId} and returns the reply.
     *
     * @param sessionId the conversation whose history the model sees and the turn is added to
     * @param message the user's message
     * @return the model's reply text
     */
    public String chat(String sessionId, String message) {
        return chat(sessionId, message, RunConfig.defaults());
    }

    /**
     * As {@link #chat(String, String)}, traced with this config.
     *
     * @param sessionId the conversation whose history the model sees and the turn is added to
     * @param message the user's message
     * @param config the run's callbacks, tags and limits
     * @return the model's reply text
     */
    public String chat(String sessionId, String message, RunConfig config) {
        return String.valueOf(invoke(Map.of(INPUT, message, LlmChain.SESSION_ID, sessionId), config).get("response"));
    }

    /**
     * Streams the reply chunk by chunk; the turn is saved once the stream has been read to the end.
     *
     * @param sessionId the conversation whose history the model sees and the turn is added to
     * @param message the user's message
     * @param config the run's callbacks, tags and limits
     * @return the reply's text pieces as the model produces them
     */
    public Stream<Object> streamChat(String sessionId, String message, RunConfig config) {
        return chain.streamOutput(Map.of(INPUT, message, LlmChain.SESSION_ID, sessionId), config);
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        // The inner chain's work runs inside this run; calling it directly keeps one chain run per turn.
        return chain.call(input, config);
    }

    @Override
    public List<String> inputKeys() {
        return chain.inputKeys();
    }

    @Override
    public List<String> outputKeys() {
        return chain.outputKeys();
    }

    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        return chain.prompts();
    }
}
