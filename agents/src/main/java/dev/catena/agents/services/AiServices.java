package dev.catena.agents.services;

import dev.catena.agents.tools.AgentTool;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Retriever;
import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.models.ChatModel;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Typed AI services: a Java interface whose methods carry their prompts, implemented by a proxy
 * built from the existing components. Each method has a {@link UserPrompt} (and optionally a
 * {@link SystemPrompt}) whose {@code {variables}} its parameters fill; a {@link SessionId}
 * parameter picks the conversation kept in the service's history; a retriever's documents fill
 * {@code {context}}; with tools the call goes through an {@link dev.catena.agents.AgentExecutor}.
 * The return type decides the parsing: {@code String} as is, {@code Stream<String>} streamed, an
 * enum through {@link dev.catena.prompts.parsers.EnumOutputParser}, records and lists through
 * {@link dev.catena.prompts.parsers.BeanOutputParser} (whose format instructions are appended to
 * the user message). Every method is checked when the service is built (a template variable no
 * parameter fills, or a parameter no template uses, is an error), each call is one traced run,
 * and {@link #describe} prints the prompts and wiring of every method.
 *
 * <pre>{@code
 * interface Translator {
 *     @SystemPrompt("You translate into {language}.")
 *     @UserPrompt("{text}")
 *     String translate(@Var("text") String text, @Var("language") String language);
 * }
 * Translator translator = AiServices.builder(Translator.class, model).build();
 * }</pre>
 */
public final class AiServices {

    private AiServices() {
    }

    /**
     * {@return a builder of a service implementing this interface with this model}
     *
     * @param <T> the interface
     * @param type the interface
     * @param model the chat model every method calls
     */
    public static <T> Builder<T> builder(Class<T> type, ChatModel model) {
        return new Builder<>(type, model);
    }

    /**
     * {@return the prompts and wiring of every method of a service, in method-name order}
     *
     * @param service a service built by {@link Builder#build}
     */
    public static String describe(Object service) {
        if (service == null || !Proxy.isProxyClass(service.getClass())
                || !(Proxy.getInvocationHandler(service) instanceof Handler handler)) {
            throw new IllegalArgumentException("not an AI service built by AiServices: " + service);
        }
        return handler.methods.values().stream().map(ServiceMethod::describe).collect(Collectors.joining("\n"));
    }

    /**
     * Configures an AI service.
     *
     * @param <T> the interface
     */
    public static final class Builder<T> {

        private final Class<T> type;
        private final ChatModel model;
        private ChatMessageHistory history;
        private Retriever retriever;
        private final List<AgentTool> tools = new ArrayList<>();
        private RunConfig config = RunConfig.defaults();

        private Builder(Class<T> type, ChatModel model) {
            this.type = Objects.requireNonNull(type, "type");
            this.model = Objects.requireNonNull(model, "model");
            if (!type.isInterface()) {
                throw new IllegalArgumentException(type.getName() + " is not an interface: an AI service is declared as one");
            }
        }

        /**
         * Keeps each session's turns here; methods with a {@link SessionId} parameter read and add to it.
         *
         * @param value the history (for example from the memory module)
         * @return this builder
         */
        public Builder<T> history(ChatMessageHistory value) {
            this.history = Objects.requireNonNull(value, "history");
            return this;
        }

        /**
         * Retrieves documents for each call with the rendered user message; they fill {@code {context}}.
         *
         * @param value the retriever
         * @return this builder
         */
        public Builder<T> retriever(Retriever value) {
            this.retriever = Objects.requireNonNull(value, "retriever");
            return this;
        }

        /**
         * Lets the model call these tools; calls then run through an agent executor.
         *
         * @param values the tools
         * @return this builder
         */
        public Builder<T> tools(List<AgentTool> values) {
            this.tools.addAll(values);
            return this;
        }

        /**
         * Sets the callbacks, tags and deadline every call runs with (default none).
         *
         * @param value the run config
         * @return this builder
         */
        public Builder<T> config(RunConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * {@return the service}
         *
         * @throws IllegalArgumentException naming the method, when a method's templates and parameters do not match
         */
        public T build() {
            Map<Method, ServiceMethod> methods = new LinkedHashMap<>();
            Method[] declared = type.getMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName));
            for (Method method : declared) {
                if (!method.isDefault() && !java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    methods.put(method, new ServiceMethod(method, model, history, retriever, tools));
                }
            }
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Handler(methods, config)));
        }
    }

    /** Routes each interface method to its {@link ServiceMethod}. */
    private static final class Handler implements InvocationHandler {

        private final Map<Method, ServiceMethod> methods;
        private final RunConfig config;

        Handler(Map<Method, ServiceMethod> methods, RunConfig config) {
            this.methods = methods;
            this.config = config;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "AiService" + methods.values().stream().map(ServiceMethod::name).toList();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return methods.get(method).invoke(args, config);
        }
    }
}
