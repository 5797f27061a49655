package dev.catena.agents;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ToolCall;
import dev.catena.core.messages.ToolMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An agent on the model's native tool calls (OpenAI tools, Anthropic tool_use): the model is
 * offered the tools on each call, its tool calls become actions, and each result goes back as a
 * {@link ToolMessage} answering its call, in call order. A reply without tool calls is the final
 * answer.
 *
 * <pre>{@code
 * Agent agent = new ToolCallingAgent(model, "You are a helpful assistant.");
 * }</pre>
 */
public final class ToolCallingAgent implements Agent {

    /** What the model is asked when a limit is reached and the executor generates a final answer. */
    public static final String FINAL_ANSWER_REQUEST =
            "You have no more tool calls left. Answer the question now with what you have learned so far.";

    private final ChatModel model;
    private final String systemPrompt;

    /**
     * An agent with no system prompt.
     *
     * @param model a chat model that supports tool calls
     */
    public ToolCallingAgent(ChatModel model) {
        this(model, null);
    }

    /**
     * An agent with a system prompt.
     *
     * @param model a chat model that supports tool calls
     * @param systemPrompt the system message sent first, or null for none
     */
    public ToolCallingAgent(ChatModel model, String systemPrompt) {
        this.model = Objects.requireNonNull(model, "model");
        this.systemPrompt = systemPrompt;
    }

    @Override
    public AgentDecision plan(AgentInput input, RunConfig config, Consumer<String> answerTokens) {
        ChatRequest request = ChatRequest.of(messages(input)).withTools(input.tools());
        AiMessage reply;
        if (answerTokens == null) {
            reply = model.chat(request, config);
        } else {
            AiMessage merged = null;
            try (Stream<AiMessage> chunks = model.chatStream(request, config)) {
                for (AiMessage chunk : (Iterable<AiMessage>) chunks::iterator) {
                    if (!chunk.text().isEmpty()) {
                        answerTokens.accept(chunk.text());
                    }
                    merged = merged == null ? chunk : merged.merge(chunk);
                }
            }
            reply = merged == null ? AiMessage.of("") : merged;
        }
        if (!reply.hasToolCalls()) {
            return new AgentDecision.Finish(reply.text());
        }
        List<AgentAction> actions = new ArrayList<>();
        for (ToolCall call : reply.toolCalls()) {
            actions.add(new AgentAction(call.name(), call.arguments(), call.id().orElse(null), reply.text(), reply));
        }
        return new AgentDecision.Act(actions);
    }

    @Override
    public String finalAnswer(AgentInput input, RunConfig config) {
        List<ChatMessage> messages = new ArrayList<>(messages(input));
        messages.add(ChatMessage.user(FINAL_ANSWER_REQUEST));
        return model.chat(ChatRequest.of(messages), config).text();
    }

    /** The conversation: system prompt, past turns, the input, then each reply with tool calls and its results. */
    List<ChatMessage> messages(AgentInput input) {
        List<ChatMessage> messages = new ArrayList<>();
        if (systemPrompt != null) {
            messages.add(ChatMessage.system(systemPrompt));
        }
        messages.addAll(input.history());
        messages.add(ChatMessage.user(input.input()));
        AiMessage current = null;
        for (AgentStep step : input.steps()) {
            AiMessage from = step.action().message();
            if (from == null) {
                throw new IllegalArgumentException("step " + step.action().tool()
                        + " has no model reply to replay: a ToolCallingAgent only continues its own steps");
            }
            if (from != current) {
                messages.add(from);
                current = from;
            }
            messages.add(new ToolMessage(step.action().callId(), step.observation(), step.action().tool()));
        }
        return messages;
    }
}
