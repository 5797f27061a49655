package dev.catena.agents.services;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.catena.agents.AgentExecutor;
import dev.catena.agents.AgentRequest;
import dev.catena.agents.ToolCallingAgent;
import dev.catena.agents.tools.AgentTool;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.parsers.BeanOutputParser;
import dev.catena.prompts.parsers.EnumOutputParser;
import dev.catena.prompts.parsers.OutputParser;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One method of an AI service: its templates, how its parameters fill them, and how its answer
 * becomes the return type. Checked when the service is built; traced as one run per call.
 */
final class ServiceMethod implements Component<Object[], Object> {

    /** The variable a retriever's documents fill. */
    static final String CONTEXT = "context";

    private final String name;
    private final PromptTemplate system;
    private final PromptTemplate user;
    private final String[] variables;
    private final int sessionIndex;
    private final OutputParser<?> parser;
    private final boolean streams;
    private final ChatModel model;
    private final ChatMessageHistory history;
    private final Retriever retriever;
    private final List<AgentTool> tools;

    ServiceMethod(Method method, ChatModel model, ChatMessageHistory history, Retriever retriever, List<AgentTool> tools) {
        this.name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        UserPrompt userPrompt = method.getAnnotation(UserPrompt.class);
        if (userPrompt == null) {
            throw new IllegalArgumentException(name + " has no @UserPrompt: every AI service method needs its user message template");
        }
        SystemPrompt systemPrompt = method.getAnnotation(SystemPrompt.class);
        if (systemPrompt == null) {
            systemPrompt = method.getDeclaringClass().getAnnotation(SystemPrompt.class);
        }
        this.user = PromptTemplate.fromTemplate(userPrompt.value());
        this.system = systemPrompt == null ? null : PromptTemplate.fromTemplate(systemPrompt.value());
        Parameter[] parameters = method.getParameters();
        this.variables = new String[parameters.length];
        int session = -1;
        Set<String> bound = new LinkedHashSet<>();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(SessionId.class)) {
                session = i;
                continue;
            }
            Var var = parameters[i].getAnnotation(Var.class);
            if (var == null && !parameters[i].isNamePresent()) {
                throw new IllegalArgumentException(name + ": parameter " + i + " has no name at run time;"
                        + " annotate it with @Var(\"name\") or compile with -parameters");
            }
            variables[i] = var != null ? var.value() : parameters[i].getName();
            bound.add(variables[i]);
        }
        this.sessionIndex = session;
        if (session >= 0 && history == null) {
            throw new IllegalArgumentException(name + " has a @SessionId parameter but the service has no history:"
                    + " give the builder one with history(...)");
        }
        Set<String> used = new TreeSet<>(user.inputVariables());
        if (system != null) {
            used.addAll(system.inputVariables());
        }
        if (retriever != null) {
            if (!used.remove(CONTEXT)) {
                throw new IllegalArgumentException(name + ": the service has a retriever but no template of this method uses {"
                        + CONTEXT + "}, where the retrieved documents go");
            }
        }
        Set<String> unfilled = new TreeSet<>(used);
        unfilled.removeAll(bound);
        Set<String> unused = new TreeSet<>(bound);
        unused.removeAll(used);
        if (!unfilled.isEmpty() || !unused.isEmpty()) {
            throw new IllegalArgumentException(name + ": the template variables " + used + " do not match the parameters "
                    + bound + (unfilled.isEmpty() ? "" : "; no parameter fills " + unfilled)
                    + (unused.isEmpty() ? "" : "; no template uses " + unused)
                    + " (name a parameter's variable with @Var)");
        }
        Type returns = method.getGenericReturnType();
        this.streams = returns instanceof ParameterizedType p && p.getRawType() == Stream.class;
        if (streams && !p(returns).equals(String.class)) {
            throw new IllegalArgumentException(name + " returns " + returns.getTypeName() + ": a streaming method returns Stream<String>");
        }
        if (streams && !tools.isEmpty()) {
            throw new IllegalArgumentException(name + " streams, but the service has tools: streaming through the agent loop"
                    + " is not supported here; return a String, or use AgentExecutor.streamEvents");
        }
        this.parser = parserFor(returns);
        this.model = model;
        this.history = history;
        this.retriever = retriever;
        this.tools = List.copyOf(tools);
    }

    private static Type p(Type type) {
        return ((ParameterizedType) type).getActualTypeArguments()[0];
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OutputParser<?> parserFor(Type type) {
        if (type == String.class || type instanceof ParameterizedType p && p.getRawType() == Stream.class) {
            return null;
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return new EnumOutputParser(c);
        }
        if (type == void.class || type == Void.class) {
            throw new IllegalArgumentException("an AI service method must return something: String, Stream<String>, an enum,"
                    + " a record or a list of them");
        }
        return BeanOutputParser.of(new TypeReference<Object>() {
            @Override
            public Type getType() {
                return type;
            }
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "ai_service";
    }

    /** What the method sends and how it answers, for {@link AiServices#describe}. */
    String describe() {
        StringBuilder text = new StringBuilder(name).append('\n');
        if (system != null) {
            text.append("  system: ").append(system.template()).append('\n');
        }
        text.append("  user: ").append(user.template()).append('\n');
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < variables.length; i++) {
            parameters.add(i == sessionIndex ? "#" + i + " -> session id" : "#" + i + " -> {" + variables[i] + "}");
        }
        text.append("  parameters: ").append(String.join(", ", parameters)).append('\n');
        if (retriever != null) {
            text.append("  retriever: ").append(retriever.getClass().getSimpleName()).append(" -> {" + CONTEXT + "}\n");
        }
        if (history != null && sessionIndex >= 0) {
            text.append("  memory: ").append(history.getClass().getSimpleName()).append(" per session\n");
        }
        text.append("  steps: ").append(!tools.isEmpty() ? "prompt -> agent executor (tool calling) -> " : "prompt -> model -> ")
                .append(streams ? "text chunks" : parser == null ? "text" : parser.name()).append('\n');
        if (parser != null) {
            text.append("  format instructions: ").append(parser.formatInstructions().replace("\n", "\n    ")).append('\n');
        }
        return text.toString();
    }

    @Override
    public Object call(Object[] arguments, RunConfig config) {
        Object[] args = arguments == null ? new Object[0] : arguments;
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (i != sessionIndex) {
                values.put(variables[i], args[i] == null ? "" : String.valueOf(args[i]));
            }
        }
        String sessionId = sessionIndex >= 0 ? String.valueOf(args[sessionIndex]) : null;
        if (retriever != null) {
            values.put(CONTEXT, "");
            String query = user.format(values);
            List<Document> docs = retriever.invoke(query, config);
            values.put(CONTEXT, docs.stream()
                    .map(d -> (d.metadata().containsKey("source") ? "[" + d.metadata().get("source") + "] " : "") + d.text())
                    .collect(Collectors.joining("\n")));
        }
        String userText = user.format(values);
        if (parser != null) {
            userText = userText + "\n\n" + parser.formatInstructions();
        }
        String systemText = system == null ? null : system.format(values);
        if (!tools.isEmpty()) {
            // the system message is rendered per call, so the agent is too; the executor keeps the session's turns
            AgentExecutor.Builder builder = AgentExecutor.builder(new ToolCallingAgent(model, systemText)).tools(tools);
            if (history != null) {
                builder.history(history);
            }
            String answer = builder.build().invoke(new AgentRequest(userText, sessionId), config).output();
            return parser == null ? answer : parser.parse(answer);
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (systemText != null) {
            messages.add(ChatMessage.system(systemText));
        }
        if (sessionId != null) {
            messages.addAll(history.messages(sessionId));
        }
        messages.add(ChatMessage.user(userText));
        ChatRequest request = ChatRequest.of(messages);
        if (streams) {
            StringBuilder whole = new StringBuilder();
            String finalUser = userText;
            return model.chatStream(request, config).map(AiMessage::text).peek(whole::append)
                    .onClose(() -> {
                        if (sessionId != null) {
                            history.add(sessionId, List.of(ChatMessage.user(finalUser), ChatMessage.ai(whole.toString())));
                        }
                    });
        }
        return finish(sessionId, userText, model.chat(request, config).text());
    }

    private Object finish(String sessionId, String userText, String answer) {
        if (sessionId != null) {
            history.add(sessionId, List.of(ChatMessage.user(userText), ChatMessage.ai(answer)));
        }
        return parser == null ? answer : parser.parse(answer);
    }
}
