package dev.catena.chains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.OutputParserException;
import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.models.PromptValue;
import dev.catena.core.vector.Distance;
import dev.catena.prompts.PromptTemplate;
import dev.catena.prompts.parsers.JsonOutputParser;
import dev.catena.prompts.parsers.OutputParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Sends the input to one of several destination chains (LangChain's {@code MultiPromptChain} with an
 * {@code LLMRouterChain} or {@code EmbeddingRouterChain}): the model picks a route by its description
 * (its answer parsed strictly), or the route whose description is most similar to the input by
 * embeddings. An unknown destination goes to the default chain, or fails with a
 * {@link RouteNotFoundException} when there is none. The chosen route is the "router" child run's
 * output and the {@value #DESTINATION} key of the result.
 *
 * <pre>{@code
 * RouterChain router = RouterChain.builder()
 *         .route("physics", "Good for answering questions about physics", physicsChain)
 *         .route("math", "Good for answering math questions", mathChain)
 *         .defaultChain(generalChain)
 *         .llmRouter(model)                    // or .embeddingRouter(embeddingModel)
 *         .build();
 * Map<String, Object> out = router.invoke(Map.of("input", "What is black body radiation?"));
 * }</pre>
 */
public final class RouterChain implements Chain {

    /** The input key every destination reads. */
    public static final String INPUT = "input";
    /** The output key naming the route taken ({@value #DEFAULT} for the default chain). */
    public static final String DESTINATION = "destination";
    /** The destination name the model gives when no route fits. */
    public static final String DEFAULT = "DEFAULT";

    /** The default routing prompt (variables: destinations, input), after LangChain's {@code MULTI_PROMPT_ROUTER_TEMPLATE}. */
    public static final PromptTemplate DEFAULT_ROUTER_PROMPT = PromptTemplate.fromTemplate("""
            Given a raw text input to a language model select the model prompt best suited for the input. \
            You will be given the names of the available prompts and a description of what the prompt is best suited for.

            Answer with only a JSON object, in a ```json code block or bare, with exactly this field:
            {{"destination": string \\ name of the prompt to use or "DEFAULT"}}

            REMEMBER: "destination" MUST be one of the candidate prompt names specified below OR it can be "DEFAULT" \
            if the input is not well suited for any of the candidate prompts.

            << CANDIDATE PROMPTS >>
            {destinations}

            << INPUT >>
            {input}

            << OUTPUT >>
            """);

    /**
     * A destination: its name, what it is good for, and the chain that handles it.
     *
     * @param name the route's name, which the routing model answers with
     * @param description what the route is good for, shown to the model or embedded
     * @param chain the destination chain
     */
    public record Route(String name, String description, Chain chain) {
        /**
         * Checks that no component is null.
         *
         * @param name the route's name, which the routing model answers with
         * @param description what the route is good for, shown to the model or embedded
         * @param chain the destination chain
         */
        public Route {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(chain, "chain");
        }
    }

    private final Map<String, Route> routes;
    private final Chain defaultChain;
    private final Component<Map<String, Object>, String> router;
    private final PromptTemplate routerPrompt;
    private final List<String> outputKeys;

    private RouterChain(Builder b) {
        if (b.routes.isEmpty()) {
            throw new ChainValidationException("a RouterChain needs at least one route");
        }
        this.routes = new LinkedHashMap<>(b.routes);
        this.defaultChain = b.defaultChain;
        List<String> outputs = routes.values().iterator().next().chain().outputKeys();
        List<Chain> destinations = new ArrayList<>(routes.values().stream().map(Route::chain).toList());
        if (defaultChain != null) {
            destinations.add(defaultChain);
        }
        for (Chain chain : destinations) {
            if (!List.of(INPUT).containsAll(chain.inputKeys())) {
                throw new ChainValidationException("destination " + chain.name() + " takes " + chain.inputKeys()
                        + ", but a router passes only '" + INPUT + "'");
            }
            if (!chain.outputKeys().equals(outputs)) {
                throw new ChainValidationException("destination " + chain.name() + " returns " + chain.outputKeys()
                        + ", but the first route returns " + outputs + "; every destination must return the same keys");
            }
        }
        List<String> keys = new ArrayList<>(outputs);
        keys.add(DESTINATION);
        this.outputKeys = List.copyOf(keys);
        if (b.model != null) {
            this.routerPrompt = b.routerPrompt.partial("destinations", routes.values().stream()
                    .map(r -> r.name() + ": " + r.description()).collect(Collectors.joining("\n")));
            this.router = new LlmRouter(routerPrompt, b.model);
        } else if (b.embeddings != null) {
            this.routerPrompt = null;
            this.router = new EmbeddingRouter(b.embeddings, routes);
        } else {
            throw new ChainValidationException("a RouterChain needs a router: llmRouter(model) or embeddingRouter(embeddingModel)");
        }
    }

    /**
     * A builder: add routes, optionally a default chain, and choose how to route.
     *
     * @return a new builder with no routes, no default chain and no router
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Map<String, Object> call(Map<String, Object> input, RunConfig config) {
        String text = ChainInputs.string("RouterChain", input, INPUT);
        String destination = router.invoke(Map.of(INPUT, text), config);
        Route route = routes.get(destination);
        Chain chain;
        String taken;
        if (route != null) {
            chain = route.chain();
            taken = route.name();
        } else if (defaultChain != null) {
            chain = defaultChain;
            taken = DEFAULT;
        } else {
            throw new RouteNotFoundException(destination, List.copyOf(routes.keySet()));
        }
        Map<String, Object> out = new LinkedHashMap<>(chain.invoke(Map.of(INPUT, text), config));
        out.put(DESTINATION, taken);
        return out;
    }

    @Override
    public List<String> inputKeys() {
        return List.of(INPUT);
    }

    @Override
    public List<String> outputKeys() {
        return outputKeys;
    }

    /** The routing prompt (LLM routing only) and every destination's prompts, named {@code "<route>.<prompt>"}. */
    @Override
    public Map<String, Component<Map<String, Object>, PromptValue>> prompts() {
        Map<String, Component<Map<String, Object>, PromptValue>> all = new LinkedHashMap<>();
        if (routerPrompt != null) {
            all.put("router", routerPrompt);
        }
        routes.values().forEach(r -> r.chain().prompts().forEach((k, v) -> all.put(r.name() + "." + k, v)));
        if (defaultChain != null) {
            defaultChain.prompts().forEach((k, v) -> all.put(DEFAULT + "." + k, v));
        }
        return all;
    }

    /**
     * Reads the model's routing answer strictly: a JSON object (bare or in a code fence) with a string
     * field "destination". Anything else is an {@link OutputParserException} with the model's text.
     *
     * @param answer the model's text
     * @return the destination name, stripped of surrounding whitespace
     * @throws OutputParserException if the answer is not such an object or the destination is empty
     */
    public static String parseDestination(String answer) {
        JsonNode node = new JsonOutputParser().parse(answer);
        String expected = "a JSON object with a string field \"destination\"";
        if (!node.isObject() || !node.path(DESTINATION).isTextual()) {
            throw new OutputParserException("the routing answer has no string field \"destination\"", answer, expected);
        }
        String destination = node.get(DESTINATION).asText().strip();
        if (destination.isEmpty()) {
            throw new OutputParserException("the routing answer's destination is empty", answer, expected);
        }
        return destination;
    }

    /** Asks the model which route fits. */
    private static final class LlmRouter implements Component<Map<String, Object>, String> {
        private final PromptTemplate prompt;
        private final Component<PromptValue, ?> model;

        LlmRouter(PromptTemplate prompt, Component<PromptValue, ?> model) {
            this.prompt = prompt;
            this.model = model;
        }

        @Override
        public String call(Map<String, Object> input, RunConfig config) {
            return parseDestination(OutputParser.textOf(model.invoke(prompt.invoke(input, config), config)));
        }

        @Override
        public String name() {
            return "router";
        }

        @Override
        public String kind() {
            return "chain";
        }
    }

    /** Picks the route whose description is most similar to the input (ties go to the route added first). */
    private static final class EmbeddingRouter implements Component<Map<String, Object>, String> {
        private final EmbeddingModel embeddings;
        private final List<String> names;
        private final List<String> descriptions;
        private volatile List<Embedding> described;

        EmbeddingRouter(EmbeddingModel embeddings, Map<String, Route> routes) {
            this.embeddings = embeddings;
            this.names = List.copyOf(routes.keySet());
            this.descriptions = routes.values().stream().map(Route::description).toList();
        }

        @Override
        public String call(Map<String, Object> input, RunConfig config) {
            List<Embedding> routeVectors = described;
            if (routeVectors == null) { // embedded once, on first use; a race only embeds twice
                routeVectors = embeddings.invoke(descriptions, config);
                described = routeVectors;
            }
            float[] query = embeddings.invoke(List.of(input.get(INPUT).toString()), config).get(0).vector();
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < names.size(); i++) {
                double score = Distance.cosine(query, routeVectors.get(i).vector());
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            return names.get(best);
        }

        @Override
        public String name() {
            return "router";
        }

        @Override
        public String kind() {
            return "chain";
        }
    }

    /** Builds a {@link RouterChain}. */
    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private Chain defaultChain;
        private Component<PromptValue, ?> model;
        private PromptTemplate routerPrompt = DEFAULT_ROUTER_PROMPT;
        private EmbeddingModel embeddings;

        private Builder() {
        }

        /**
         * Adds a destination; the description is what the router matches the input against.
         *
         * @param name the route's name, which the model answers with; not {@value #DEFAULT}
         * @param description what the route is good for, shown to the model or embedded
         * @param chain the destination chain; it takes {@value #INPUT} only
         * @return this builder
         * @throws ChainValidationException if the name is {@value #DEFAULT} or already taken
         */
        public Builder route(String name, String description, Chain chain) {
            if (name.equals(DEFAULT) || routes.containsKey(name)) {
                throw new ChainValidationException("route name '" + name + "' is "
                        + (name.equals(DEFAULT) ? "reserved for the default chain" : "already taken"));
            }
            routes.put(name, new Route(name, description, chain));
            return this;
        }

        /**
         * Where inputs go that fit no route (or an unknown destination). Without it, those fail.
         *
         * @param chain the chain for inputs no route fits
         * @return this builder
         */
        public Builder defaultChain(Chain chain) {
            this.defaultChain = Objects.requireNonNull(chain, "defaultChain");
            return this;
        }

        /**
         * Routes by asking this chat or text model with {@link #DEFAULT_ROUTER_PROMPT}.
         *
         * @param value the chat or text model that picks the route; replaces an embedding router
         * @return this builder
         */
        public Builder llmRouter(Component<PromptValue, ?> value) {
            this.model = Objects.requireNonNull(value, "model");
            this.embeddings = null;
            return this;
        }

        /**
         * Routes by asking this model with another prompt (variables: destinations, input).
         *
         * @param value the chat or text model that picks the route; replaces an embedding router
         * @param prompt the routing prompt, with the variables {@code destinations} and {@code input}
         * @return this builder
         * @throws ChainValidationException if the prompt lacks one of those variables
         */
        public Builder llmRouter(Component<PromptValue, ?> value, PromptTemplate prompt) {
            if (!prompt.inputVariables().containsAll(List.of("destinations", INPUT))) {
                throw new ChainValidationException("a router prompt must use {destinations} and {input}; it uses "
                        + prompt.inputVariables());
            }
            this.routerPrompt = prompt;
            return llmRouter(value);
        }

        /**
         * Routes by embedding similarity between the input and each route's description.
         *
         * @param value the embedding model; replaces a model router
         * @return this builder
         */
        public Builder embeddingRouter(EmbeddingModel value) {
            this.embeddings = Objects.requireNonNull(value, "embeddingModel");
            this.model = null;
            return this;
        }

        /**
         * Builds the router, checking that every destination takes {@value #INPUT} and returns the same keys.
         *
         * @return the chain
         * @throws ChainValidationException if there is no route or no router, or a destination takes another
         *     input than {@value #INPUT} or returns other keys than the first route
         */
        public RouterChain build() {
            return new RouterChain(this);
        }
    }
}
