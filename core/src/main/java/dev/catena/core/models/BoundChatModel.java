package dev.catena.core.models;

import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A chat model with request settings (tools, tool choice, format) filled in on every call. */
final class BoundChatModel implements ChatModel {

    private final ChatModel delegate;
    private final UnaryOperator<ChatRequest> settings;

    private BoundChatModel(ChatModel delegate, UnaryOperator<ChatRequest> settings) {
        this.delegate = delegate;
        this.settings = settings;
    }

    static ChatModel bind(ChatModel model, UnaryOperator<ChatRequest> settings) {
        if (model instanceof BoundChatModel bound) {
            UnaryOperator<ChatRequest> earlier = bound.settings;
            return new BoundChatModel(bound.delegate, r -> settings.apply(earlier.apply(r)));
        }
        return new BoundChatModel(model, settings);
    }

    @Override
    public AiMessage generate(ChatRequest request, RunConfig config) {
        return delegate.generate(settings.apply(request), config);
    }

    @Override
    public Stream<AiMessage> generateStream(ChatRequest request, RunConfig config) {
        return delegate.generateStream(settings.apply(request), config);
    }

    @Override
    public Map<String, Object> runMetadata() {
        return delegate.runMetadata();
    }

    @Override
    public String name() {
        return delegate.name();
    }
}
