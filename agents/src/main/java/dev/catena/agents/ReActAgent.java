package dev.catena.agents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.tools.ToolSpec;
import dev.catena.prompts.PromptTemplate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * An agent on the text ReAct format (Thought / Action / Action Input / Observation / Final Answer),
 * for any chat model, including ones without native tool calls. The prompt is visible and
 * replaceable ({@link #ENGLISH_PROMPT}, {@link #CHINESE_PROMPT}, {@link #withPrompt}); its variables
 * are {@code {tools}}, {@code {tool_names}}, {@code {chat_history}}, {@code {input}} and
 * {@code {agent_scratchpad}}. Replies are read by {@link ReActOutputParser}; a malformed reply is
 * fed back to the model as an observation, at most {@code maxFormatErrors} times in a row, then the
 * run fails with the {@link ReActFormatException}.
 *
 * <p>An action input that is a JSON object is the tool's arguments; any other text is given to a
 * tool with exactly one argument as that argument, so {@code Action Input: 2 + 2} works for a
 * calculator taking one {@code expression}.
 *
 * <pre>{@code
 * Agent agent = new ReActAgent(model).withPrompt(ReActAgent.CHINESE_PROMPT);
 * }</pre>
 */
public final class ReActAgent implements Agent {

    /** LangChain's ReAct prompt (hub {@code hwchase17/react}), with the session's past turns. */
    public static final String ENGLISH_PROMPT = """
            Answer the following questions as best you can. You have access to the following tools:

            {tools}

            Use the following format:

            Question: the input question you must answer
            Thought: you should always think about what to do
            Action: the action to take, should be one of [{tool_names}]
            Action Input: the input to the action, a JSON object of its arguments
            Observation: the result of the action
            ... (this Thought/Action/Action Input/Observation can repeat N times)
            Thought: I now know the final answer
            Final Answer: the final answer to the original input question

            Begin!

            Previous conversation:
            {chat_history}

            Question: {input}
            Thought:{agent_scratchpad}""";

    /** The same prompt in Chinese; the format keywords stay English, as the parser reads them. */
    public static final String CHINESE_PROMPT = """
            请尽你所能回答下面的问题。你可以使用以下工具：

            {tools}

            请严格使用以下格式：

            Question: 需要回答的问题
            Thought: 你应该思考下一步做什么
            Action: 要执行的动作，必须是 [{tool_names}] 之一
            Action Input: 动作的输入，一个包含其参数的 JSON 对象
            Observation: 动作的结果
            ……（Thought/Action/Action Input/Observation 可以重复多次）
            Thought: 我现在知道最终答案了
            Final Answer: 对原始问题的最终答案

            开始！

            之前的对话：
            {chat_history}

            Question: {input}
            Thought:{agent_scratchpad}""";

    /** Appended to the scratchpad when a limit is reached and the executor asks for a final answer (LangChain's wording). */
    static final String FINAL_ANSWER_REQUEST = "\n\nI now need to return a final answer based on the previous steps:";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ChatModel model;
    private final PromptTemplate prompt;
    private final int maxFormatErrors;
    private final ReActOutputParser parser = new ReActOutputParser();

    /**
     * An agent with the English prompt that feeds back at most 3 malformed replies in a row.
     *
     * @param model any chat model
     */
    public ReActAgent(ChatModel model) {
        this(model, ENGLISH_PROMPT, 3);
    }

    private ReActAgent(ChatModel model, String prompt, int maxFormatErrors) {
        this.model = Objects.requireNonNull(model, "model");
        this.prompt = PromptTemplate.fromTemplate(prompt);
        for (String needed : List.of("input", "agent_scratchpad", "tools", "tool_names")) {
            if (!this.prompt.inputVariables().contains(needed)) {
                throw new IllegalArgumentException("a ReAct prompt must use {" + needed + "}, and this one does not; its variables are "
                        + this.prompt.inputVariables());
            }
        }
        this.maxFormatErrors = maxFormatErrors;
    }

    /**
     * {@return this agent with another prompt}
     *
     * @param template an f-string template with the variables {@code tools}, {@code tool_names},
     *     {@code input} and {@code agent_scratchpad} (required) and {@code chat_history} (optional)
     */
    public ReActAgent withPrompt(String template) {
        return new ReActAgent(model, template, maxFormatErrors);
    }

    /**
     * {@return this agent feeding back at most this many malformed replies in a row}
     *
     * @param value zero or more; zero fails on the first malformed reply
     */
    public ReActAgent withMaxFormatErrors(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("maxFormatErrors must not be negative, got " + value);
        }
        return new ReActAgent(model, prompt.template(), value);
    }

    /**
     * {@return the prompt as sent for this input (the tools listed, the scratchpad filled)}
     *
     * @param input the user's input, past turns, steps so far and tools
     */
    public String render(AgentInput input) {
        return render(input, "");
    }

    private String render(AgentInput input, String suffix) {
        String tools = input.tools().stream().map(ReActAgent::describe).collect(Collectors.joining("\n"));
        String names = input.tools().stream().map(ToolSpec::name).collect(Collectors.joining(", "));
        String history = input.history().isEmpty() ? "(none)" : ChatMessage.toBufferString(input.history());
        return prompt.format(Map.of("tools", tools, "tool_names", names, "chat_history", history,
                "input", input.input(), "agent_scratchpad", scratchpad(input.steps()) + suffix));
    }

    private static String describe(ToolSpec spec) {
        try {
            return spec.name() + ": " + spec.description() + " Arguments: " + MAPPER.writeValueAsString(spec.parameters());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema of tool " + spec.name() + " cannot be written as JSON", e);
        }
    }

    /** LangChain's {@code format_log_to_str}: each reply, its observation, and a new thought. */
    private static String scratchpad(List<AgentStep> steps) {
        StringBuilder text = new StringBuilder();
        for (AgentStep step : steps) {
            text.append(step.action().log()).append("\nObservation: ").append(step.observation()).append("\nThought: ");
        }
        return text.toString();
    }

    @Override
    public AgentDecision plan(AgentInput input, RunConfig config, Consumer<String> answerTokens) {
        String reply = model.chat(ChatRequest.of(ChatMessage.user(render(input))), config).text();
        ReActOutputParser.Reply parsed;
        try {
            parsed = parser.parse(reply);
        } catch (ReActFormatException e) {
            if (trailingFormatErrors(input.steps()) >= maxFormatErrors) {
                throw e;
            }
            return new AgentDecision.Malformed(reply, e.observation());
        }
        if (parsed instanceof ReActOutputParser.Answer answer) {
            if (answerTokens != null) {
                answerTokens.accept(answer.output());
            }
            return new AgentDecision.Finish(answer.output());
        }
        ReActOutputParser.Action action = (ReActOutputParser.Action) parsed;
        String arguments = arguments(action.input(), input.tools(), action.tool());
        return new AgentDecision.Act(List.of(
                new AgentAction(action.tool(), arguments, "react-" + input.steps().size(), reply, null)));
    }

    private static int trailingFormatErrors(List<AgentStep> steps) {
        int count = 0;
        for (int i = steps.size() - 1; i >= 0 && steps.get(i).action().tool().equals(AgentAction.MALFORMED); i--) {
            count++;
        }
        return count;
    }

    /** A JSON object stays as it is; other text becomes the only argument of a one-argument tool. */
    private static String arguments(String input, List<ToolSpec> tools, String toolName) {
        if (input.startsWith("{")) {
            return input;
        }
        for (ToolSpec spec : tools) {
            if (spec.name().equals(toolName) && spec.parameters().get("properties") instanceof Map<?, ?> properties
                    && properties.size() == 1) {
                try {
                    return MAPPER.writeValueAsString(Map.of(String.valueOf(properties.keySet().iterator().next()), input));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write the action input as JSON", e);
                }
            }
        }
        return input;
    }

    @Override
    public String finalAnswer(AgentInput input, RunConfig config) {
        String reply = model.chat(ChatRequest.of(ChatMessage.user(render(input, FINAL_ANSWER_REQUEST))), config).text();
        int at = reply.lastIndexOf(ReActOutputParser.FINAL_ANSWER);
        return (at < 0 ? reply : reply.substring(at + ReActOutputParser.FINAL_ANSWER.length())).strip();
    }
}
