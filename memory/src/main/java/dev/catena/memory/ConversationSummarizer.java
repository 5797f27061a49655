package dev.catena.memory;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.PromptValue;
import dev.catena.prompts.PromptTemplate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds new messages into a running summary with one model call. A component, so the call shows up
 * in traces as this run with the prompt's and the model's runs under it.
 */
final class ConversationSummarizer implements Component<ConversationSummarizer.Request, String> {

    /** The summary so far and the messages to add to it. */
    record Request(String summary, List<ChatMessage> newMessages) {
    }

    private final ChatModel model;
    private final PromptTemplate prompt;
    private final String humanPrefix;
    private final String aiPrefix;

    ConversationSummarizer(ChatModel model, PromptTemplate prompt, String humanPrefix, String aiPrefix) {
        this.model = Objects.requireNonNull(model, "summary model");
        this.prompt = checked(prompt);
        this.humanPrefix = Objects.requireNonNull(humanPrefix, "human prefix");
        this.aiPrefix = Objects.requireNonNull(aiPrefix, "AI prefix");
    }

    static PromptTemplate checked(PromptTemplate prompt) {
        Objects.requireNonNull(prompt, "summary prompt");
        if (!prompt.inputVariables().containsAll(List.of("summary", "new_lines"))) {
            throw new IllegalArgumentException("a summary prompt needs the variables {summary} and {new_lines}; this one has "
                    + prompt.inputVariables());
        }
        return prompt;
    }

    String summarize(String summary, List<ChatMessage> newMessages, RunConfig config) {
        return invoke(new Request(summary, newMessages), config);
    }

    @Override
    public String call(Request request, RunConfig config) {
        PromptValue text = prompt.invoke(Map.of("summary", request.summary(),
                "new_lines", ChatMessage.toBufferString(request.newMessages(), humanPrefix, aiPrefix)), config);
        return model.invoke(text, config).text().strip();
    }

    @Override
    public String kind() {
        return "memory";
    }
}
