package dev.catena.prompts;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatPromptValue;
import dev.catena.core.models.PromptValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Examples as chat turns: each example is formatted by a chat prompt (typically a user message
 * and an AI message) and the turns are put in order, as LangChain's
 * {@code FewShotChatMessagePromptTemplate}. Use it as a part of a {@link ChatPromptTemplate}:
 *
 * <pre>{@code
 * FewShotChatPromptTemplate fewShot = FewShotChatPromptTemplate.of(examples,
 *         ChatPromptTemplate.fromMessages(MessageTemplate.user("{input}"), MessageTemplate.ai("{output}")));
 * ChatPromptTemplate prompt = ChatPromptTemplate.fromMessages(
 *         MessageTemplate.system("You are a wondrous wizard of math."), fewShot, MessageTemplate.user("{input}"));
 * }</pre>
 *
 * @param examples       the fixed examples, or null when a selector picks them
 * @param selector       picks examples per input, or null for fixed examples
 * @param examplePrompt  formats one example into messages
 * @param inputVariables the variables passed to the selector (none are required for fixed examples)
 */
public record FewShotChatPromptTemplate(List<Map<String, Object>> examples, ExampleSelector selector,
                                        ChatPromptTemplate examplePrompt, List<String> inputVariables)
        implements MessagePart, Component<Map<String, Object>, PromptValue> {

    /**
     * Requires exactly one of examples or a selector, and keeps immutable copies.
     *
     * @param examples the fixed examples, or null when a selector picks them
     * @param selector picks examples per input, or null for fixed examples
     * @param examplePrompt formats one example into messages
     * @param inputVariables the variables passed to the selector (none are required for fixed examples)
     */
    public FewShotChatPromptTemplate {
        if ((examples == null) == (selector == null)) {
            throw new IllegalArgumentException("a few-shot chat prompt needs exactly one of examples or an example selector");
        }
        Objects.requireNonNull(examplePrompt, "examplePrompt");
        if (examples != null) {
            List<Map<String, Object>> copy = new ArrayList<>();
            examples.forEach(e -> copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(e))));
            examples = List.copyOf(copy);
        }
        inputVariables = inputVariables == null ? List.of() : List.copyOf(inputVariables);
    }

    /**
     * Fixed examples.
     *
     * @param examples the examples, each a map of the example prompt's variables
     * @param examplePrompt formats one example into messages
     * @return the few-shot part
     */
    public static FewShotChatPromptTemplate of(List<? extends Map<String, ?>> examples, ChatPromptTemplate examplePrompt) {
        List<Map<String, Object>> copy = new ArrayList<>();
        examples.forEach(e -> copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(e))));
        return new FewShotChatPromptTemplate(copy, null, examplePrompt, List.of());
    }

    /**
     * Examples picked per input from these input variables.
     *
     * @param selector picks the examples
     * @param examplePrompt formats one example into messages
     * @param inputVariables the variables passed to the selector
     * @return the few-shot part
     */
    public static FewShotChatPromptTemplate of(ExampleSelector selector, ChatPromptTemplate examplePrompt, String... inputVariables) {
        return new FewShotChatPromptTemplate(null, selector, examplePrompt, List.of(inputVariables));
    }

    @Override
    public List<ChatMessage> formatMessages(Map<String, ?> variables) {
        List<Map<String, Object>> chosen = examples != null ? examples : selector.select(variables);
        List<ChatMessage> messages = new ArrayList<>();
        for (Map<String, Object> example : chosen) {
            messages.addAll(examplePrompt.formatMessages(example));
        }
        return List.copyOf(messages);
    }

    /**
     * {@return the example turns as a {@code Human: …\nAI: …} transcript}
     *
     * @param variables the values by variable name
     */
    public String format(Map<String, ?> variables) {
        return ChatMessage.toBufferString(formatMessages(variables));
    }

    @Override
    public PromptValue call(Map<String, Object> input, RunConfig config) {
        return new ChatPromptValue(formatMessages(input));
    }

    @Override
    public String kind() {
        return "prompt";
    }

    @Override
    public String name() {
        return "FewShotChatPromptTemplate";
    }
}
