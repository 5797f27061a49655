package dev.catena.memory;

import dev.catena.core.ChatMessage;
import dev.catena.core.ChatModel;
import dev.catena.core.Component;
import dev.catena.core.PromptValue;
import dev.catena.core.RunConfig;
import java.util.List;
import java.util.Objects;

/**
 * Folds new messages into a running summary with one model call. A component, so the call shows up
 * in traces as this run with the model's run under it.
 */
final class ConversationSummarizer implements Component<ConversationSummarizer.Request, String> {

    /** The summary so far and the messages to add to it. */
    record Request(String summary, List<ChatMessage> newMessages) {
    }

    private final ChatModel model;
    private final SummaryPrompt prompt;
    private final String humanPrefix;
    private final String aiPrefix;

    ConversationSummarizer(ChatModel model, SummaryPrompt prompt, String humanPrefix, String aiPrefix) {
        this.model = Objects.requireNonNull(model, "summary model");
        this.prompt = Objects.requireNonNull(prompt, "summary prompt");
        this.humanPrefix = Objects.requireNonNull(humanPrefix, "human prefix");
        this.aiPrefix = Objects.requireNonNull(aiPrefix, "AI prefix");
    }

    String summarize(String summary, List<ChatMessage> newMessages, RunConfig config) {
        return invoke(new Request(summary, newMessages), config);
    }

    @Override
    public String call(Request request, RunConfig config) {
        String text = prompt.format(request.summary(), ChatMessage.toBufferString(request.newMessages(), humanPrefix, aiPrefix));
        return model.invoke(PromptValue.of(List.of(ChatMessage.user(text))), config).text().strip();
    }

    @Override
    public String kind() {
        return "memory";
    }
}
