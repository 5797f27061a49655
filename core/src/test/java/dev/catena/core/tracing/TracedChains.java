package dev.catena.core.tracing;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.messages.TokenUsage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import dev.catena.core.models.PromptValue;
import java.util.Map;

/** Small chains for tracer tests: a prompt function, a model that reports usage, a parser function. */
final class TracedChains {

    static final String API_KEY = "sk-proj-Abc123Def456Ghi789Jkl";
    static final String BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.secretpayload";

    private TracedChains() {
    }

    /** Answers with the last message's text reversed; reports 12 tokens in, 3 out. */
    static final class ReverseModel implements ChatModel {
        @Override
        public AiMessage generate(ChatRequest request, RunConfig config) {
            String last = request.messages().get(request.messages().size() - 1).text();
            AiMessage reply = new AiMessage(new StringBuilder(last).reverse().toString(), java.util.List.of(), null, "stop",
                    TokenUsage.of(12, 3));
            reply.usage().ifPresent(config::reportUsage);
            return reply;
        }

        @Override
        public String name() {
            return "ReverseModel";
        }
    }

    static Component<Map<String, Object>, String> chain() {
        Component<Map<String, Object>, PromptValue> prompt = Component.of("prompt", vars -> PromptValue.of("Say " + vars.get("word")));
        Component<AiMessage, String> parser = Component.of("parser", AiMessage::text);
        return prompt.pipe(new ReverseModel()).pipe(parser);
    }
}
