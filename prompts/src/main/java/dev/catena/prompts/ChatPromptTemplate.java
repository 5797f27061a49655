package dev.catena.prompts;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatPromptValue;
import dev.catena.core.models.PromptValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A chat prompt: a list of message templates and placeholders that formats to a list of
 * {@link ChatMessage}s (LangChain's {@code ChatPromptTemplate.from_messages}).
 *
 * <pre>{@code
 * ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(
 *         MessageTemplate.system("You are a helpful assistant who speaks {language}."),
 *         MessagesPlaceholder.optional("history"),
 *         MessageTemplate.user("{question}"));
 * List<ChatMessage> messages = prompt.formatMessages(Map.of("language", "French", "question", "Hi!"));
 * }</pre>
 *
 * <p>{@link #inputVariables()} are the variables of all parts, de-duplicated and sorted, plus
 * required placeholders, minus partials. As a {@link Component} it returns a
 * {@link ChatPromptValue}, which a text model reads as a {@code Human: …\nAI: …} transcript.
 */
public final class ChatPromptTemplate implements Component<Map<String, Object>, PromptValue> {

    private final List<MessagePart> parts;
    private final Map<String, Supplier<?>> partials;
    private final List<String> inputVariables;

    private ChatPromptTemplate(List<MessagePart> parts, Map<String, Supplier<?>> partials) {
        this.parts = List.copyOf(parts);
        this.partials = Collections.unmodifiableMap(new LinkedHashMap<>(partials));
        Set<String> vars = new LinkedHashSet<>();
        for (MessagePart part : parts) {
            vars.addAll(part.inputVariables());
        }
        vars.removeAll(partials.keySet());
        this.inputVariables = FStringTemplate.sorted(vars);
    }

    /**
     * A chat prompt of these parts, in order.
     *
     * @param parts the message parts, at least one
     * @return the chat prompt
     */
    public static ChatPromptTemplate fromMessages(MessagePart... parts) {
        return fromMessages(List.of(parts));
    }

    /**
     * A chat prompt of these parts, in order.
     *
     * @param parts the message parts, at least one
     * @return the chat prompt
     * @throws IllegalArgumentException if {@code parts} is empty
     */
    public static ChatPromptTemplate fromMessages(List<? extends MessagePart> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a chat prompt needs at least one message part");
        }
        return new ChatPromptTemplate(new ArrayList<>(parts), Map.of());
    }

    /**
     * A chat prompt of one user message (LangChain's {@code ChatPromptTemplate.from_template}).
     *
     * @param userTemplate the user message's f-string template
     * @return the chat prompt
     */
    public static ChatPromptTemplate fromTemplate(String userTemplate) {
        return fromMessages(MessageTemplate.user(userTemplate));
    }

    /**
     * Loads a chat prompt saved with {@link #save(Path)} from a JSON or YAML file.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file
     * @return the chat prompt
     * @throws PromptFormatException if the file is not a saved chat prompt
     */
    public static ChatPromptTemplate load(Path file) {
        return TemplateFiles.load(file, null, ChatPromptTemplate.class, "chat prompt template");
    }

    /**
     * Loads a chat prompt whose named template files may lie anywhere inside {@code root}.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file
     * @param root the folder the named template files must lie in
     * @return the chat prompt
     * @throws PromptFormatException if the file is not a saved chat prompt
     */
    public static ChatPromptTemplate load(Path file, Path root) {
        return TemplateFiles.load(file, Objects.requireNonNull(root, "root"), ChatPromptTemplate.class, "chat prompt template");
    }

    /**
     * This prompt with a variable fixed to a value.
     *
     * @param name the variable's name
     * @param value the value used at each format
     * @return a copy without {@code name} among its input variables
     */
    public ChatPromptTemplate partial(String name, Object value) {
        Map<String, Supplier<?>> p = new LinkedHashMap<>(partials);
        p.put(Objects.requireNonNull(name, "partial variable name"), () -> value);
        return new ChatPromptTemplate(parts, p);
    }

    /**
     * This prompt with a variable computed at each format.
     *
     * @param name the variable's name
     * @param value called at each format for the value
     * @return a copy without {@code name} among its input variables
     */
    public ChatPromptTemplate partial(String name, Supplier<?> value) {
        Map<String, Supplier<?>> p = new LinkedHashMap<>(partials);
        p.put(Objects.requireNonNull(name, "partial variable name"), Objects.requireNonNull(value, "supplier"));
        return new ChatPromptTemplate(parts, p);
    }

    /**
     * This prompt's messages followed by another's, as LangChain's {@code +}; partial variables of
     * both are kept (the other's win for a name fixed in both, as in LangChain).
     *
     * @param other the prompt whose messages follow
     * @return a new prompt
     */
    public ChatPromptTemplate plus(ChatPromptTemplate other) {
        List<MessagePart> joined = new ArrayList<>(parts);
        joined.addAll(other.parts);
        Map<String, Supplier<?>> p = new LinkedHashMap<>(partials);
        p.putAll(other.partials);
        return new ChatPromptTemplate(joined, p);
    }

    /**
     * This prompt followed by one more part: a message template, a placeholder, a fixed message.
     *
     * @param part the part to add; not null
     * @return a new prompt
     */
    public ChatPromptTemplate plus(MessagePart part) {
        List<MessagePart> joined = new ArrayList<>(parts);
        joined.add(Objects.requireNonNull(part, "part"));
        return new ChatPromptTemplate(joined, partials);
    }

    /**
     * This prompt followed by a user message template, as LangChain's {@code prompt + "text"}.
     *
     * @param userTemplate the user message's f-string template
     * @return a new prompt
     */
    public ChatPromptTemplate plus(String userTemplate) {
        return plus(MessageTemplate.user(userTemplate));
    }

    /**
     * Formats every part into messages; missing variables fail naming all of them.
     *
     * @param variables the variables' values by name
     * @return the messages, in order
     * @throws PromptFormatException if a variable is missing
     */
    public List<ChatMessage> formatMessages(Map<String, ?> variables) {
        Objects.requireNonNull(variables, "variables");
        List<String> missing = new ArrayList<>();
        for (String name : inputVariables) {
            if (!variables.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw PromptFormatException.missing(missing, inputVariables, variables.keySet());
        }
        Map<String, ?> merged = variables;
        if (!partials.isEmpty()) {
            Map<String, Object> m = new HashMap<>();
            partials.forEach((k, s) -> m.put(k, s.get()));
            m.putAll(variables);
            merged = m;
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (MessagePart part : parts) {
            messages.addAll(part.formatMessages(merged));
        }
        return List.copyOf(messages);
    }

    /**
     * The formatted messages as one {@code Human: …\nAI: …} transcript.
     *
     * @param variables the variables' values by name
     * @return the transcript, one line per message
     * @throws PromptFormatException if a variable is missing
     */
    public String format(Map<String, ?> variables) {
        return ChatMessage.toBufferString(formatMessages(variables));
    }

    @Override
    public PromptValue call(Map<String, Object> input, RunConfig config) {
        return new ChatPromptValue(formatMessages(input));
    }

    /**
     * Saves the prompt as JSON or YAML (by extension); fails for parts that cannot be saved (example selectors).
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file, replaced if it exists
     */
    public void save(Path file) {
        TemplateFiles.save(this, file);
    }

    /**
     * The message parts, in order.
     *
     * @return an unmodifiable list
     */
    public List<MessagePart> parts() {
        return parts;
    }

    /**
     * The variables a caller must give, sorted.
     *
     * @return the input variables' names
     */
    public List<String> inputVariables() {
        return inputVariables;
    }

    /**
     * The names of the partial variables.
     *
     * @return the names, in the order they were fixed
     */
    public Set<String> partialVariables() {
        return partials.keySet();
    }

    @Override
    public String kind() {
        return "prompt";
    }

    @Override
    public String name() {
        return "ChatPromptTemplate";
    }

    @Override
    public String toString() {
        return "ChatPromptTemplate[inputVariables=" + inputVariables + ", parts=" + parts + "]";
    }
}
