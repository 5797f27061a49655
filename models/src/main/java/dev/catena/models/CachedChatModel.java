package dev.catena.models;

import dev.catena.core.components.RunConfig;
import dev.catena.core.json.MessageJson;
import dev.catena.core.messages.AiMessage;
import dev.catena.core.models.ChatModel;
import dev.catena.core.models.ChatRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Any chat model with its answers cached: the same model, settings and request get the stored
 * answer without a call. The key is the model's name and run metadata (Catena's clients put the
 * provider, model and generation settings there) plus the messages in OpenAI form, the tools, the
 * tool choice and the response format. A streamed call is stored once it has finished; a cached
 * one streams as a single chunk and reports no usage (no tokens were spent). Concurrent identical
 * {@code generate} calls make one model call (see {@link InMemoryCache}); streams are not joined
 * that way, each live stream is its own call. Only cache what is
 * safe to repeat: with a temperature above zero a cache returns the first of many possible answers.
 *
 * <pre>{@code
 * ChatModel cached = CachedChatModel.of(model, new InMemoryCache());
 * }</pre>
 */
public final class CachedChatModel implements ChatModel {

    private final ChatModel delegate;
    private final InMemoryCache cache;

    private CachedChatModel(ChatModel delegate, InMemoryCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    /**
     * {@return the model with its answers kept in (and served from) this cache, which other models may share}
     *
     * @param model the model whose answers are cached
     * @param cache where answers are kept
     */
    public static CachedChatModel of(ChatModel model, InMemoryCache cache) {
        return new CachedChatModel(model, cache);
    }

    @Override
    public AiMessage generate(ChatRequest request, RunConfig config) {
        AtomicBoolean called = new AtomicBoolean();
        AiMessage answer = cache.getOrCompute(key(request), AiMessage.class, () -> {
            called.set(true);
            return delegate.generate(request, config);
        });
        // a cached (or joined) answer cost this caller no tokens, so it reports no usage (as LangChain's cache does)
        return called.get() ? answer : answer.withoutUsage();
    }

    @Override
    public Stream<AiMessage> generateStream(ChatRequest request, RunConfig config) {
        String key = key(request);
        var hit = cache.lookup(key, AiMessage.class);
        if (hit.isPresent()) {
            return Stream.of(hit.get().withoutUsage());
        }
        List<AiMessage> seen = new ArrayList<>();
        Stream<AiMessage> live = delegate.generateStream(request, config);
        // the second part runs only once the live stream is exhausted, so a cut or closed stream is never stored
        Stream<AiMessage> store = Stream.of(key).flatMap(k -> {
            seen.stream().reduce(AiMessage::merge).ifPresent(whole -> cache.update(k, whole));
            return Stream.empty();
        });
        return Stream.concat(live.peek(seen::add), store);
    }

    /** The cache key of a request to this model; see {@link CacheKey}. */
    String key(ChatRequest request) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("messages", MessageJson.writeOpenAi(request.messages()));
        parts.put("tools", request.tools());
        parts.put("tool_choice", request.toolChoice().map(String::valueOf).orElse("null"));
        parts.put("response_format", request.responseFormat().map(String::valueOf).orElse("null"));
        return CacheKey.of(delegate, parts);
    }

    @Override
    public Map<String, Object> runMetadata() {
        return delegate.runMetadata();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String toString() {
        return "Cached" + delegate;
    }
}
