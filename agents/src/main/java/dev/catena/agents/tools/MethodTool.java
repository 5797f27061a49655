package dev.catena.agents.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catena.core.components.RunConfig;
import dev.catena.core.tools.ToolExecutionException;
import dev.catena.core.tools.ToolSpec;
import dev.catena.prompts.parsers.Description;
import dev.catena.prompts.parsers.JsonSchema;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link Tool}-annotated method as a core {@link dev.catena.core.tools.Tool}. Either each parameter is one
 * property of the arguments object, or, when the only parameter is a record, the record's components are.
 */
final class MethodTool implements dev.catena.core.tools.Tool {

    private final Method method;
    private final Object target;
    private final ToolSpec spec;
    private final Parameter[] parameters;
    private final JavaType[] types;
    private final boolean recordArguments;

    private MethodTool(Method method, Object target, ToolSpec spec, boolean recordArguments) {
        this.method = method;
        this.target = target;
        this.spec = spec;
        this.parameters = method.getParameters();
        this.types = new JavaType[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            types[i] = ToolArguments.MAPPER.getTypeFactory().constructType(parameters[i].getParameterizedType());
        }
        this.recordArguments = recordArguments;
    }

    static MethodTool of(Method method, Object target, Tool annotation) {
        String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
        Parameter[] parameters = method.getParameters();
        boolean recordArguments = parameters.length == 1 && parameters[0].getType().isRecord();
        Map<String, Object> schema;
        if (recordArguments) {
            schema = asMap(JsonSchema.of(parameters[0].getParameterizedType()));
        } else {
            schema = asMap(parametersSchema(method, parameters));
        }
        try {
            method.setAccessible(true);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("@Tool method " + method + " cannot be called: " + e.getMessage()
                    + "; make it public or open its package to the agents module", e);
        }
        return new MethodTool(method, target, new ToolSpec(name, annotation.description(), schema), recordArguments);
    }

    private static ObjectNode parametersSchema(Method method, Parameter[] parameters) {
        ObjectNode root = ToolArguments.MAPPER.createObjectNode();
        root.put("type", "object");
        ObjectNode properties = root.putObject("properties");
        ArrayNode required = ToolArguments.MAPPER.createArrayNode();
        ObjectNode defs = ToolArguments.MAPPER.createObjectNode();
        for (Parameter parameter : parameters) {
            if (!parameter.isNamePresent()) {
                throw new IllegalArgumentException("@Tool method " + method + " has no parameter names at run time:"
                        + " compile with -parameters, or take one record of arguments");
            }
            ObjectNode property = JsonSchema.of(optionalOrNot(parameter.getParameterizedType()));
            JsonNode ownDefs = property.remove("$defs");
            if (ownDefs != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = ownDefs.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> def = it.next();
                    JsonNode existing = defs.get(def.getKey());
                    if (existing != null && !existing.equals(def.getValue())) {
                        throw new IllegalArgumentException("@Tool method " + method + " uses two different types named "
                                + def.getKey() + ": rename one of them");
                    }
                    defs.set(def.getKey(), def.getValue());
                }
            }
            Description description = parameter.getAnnotation(Description.class);
            if (description != null) {
                property.put("description", description.value());
            }
            properties.set(parameter.getName(), property);
            if (parameter.getType() != Optional.class) {
                required.add(parameter.getName());
            }
        }
        root.set("required", required);
        root.put("additionalProperties", false);
        if (!defs.isEmpty()) {
            root.set("$defs", defs);
        }
        return root;
    }

    /** An optional parameter is described by what it holds; being optional, it is left out of {@code required}. */
    private static Type optionalOrNot(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return parameterized.getActualTypeArguments()[0];
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(ObjectNode schema) {
        return ToolArguments.MAPPER.convertValue(schema, Map.class);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public String call(String argumentsJson, RunConfig config) {
        Object[] values = bind(ToolArguments.parse(spec.name(), argumentsJson));
        Object result;
        try {
            result = method.invoke(target, values);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ToolExecutionException failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ToolExecutionException(spec.name(), String.valueOf(cause.getMessage()), cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("@Tool method " + method + " cannot be called: " + e.getMessage(), e);
        }
        return render(result);
    }

    /** Converts every argument, collecting every problem so the model can fix them all in one go. */
    Object[] bind(ObjectNode arguments) {
        if (recordArguments) {
            try {
                return new Object[] {ToolArguments.MAPPER.treeToValue(arguments, types[0])};
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new ToolExecutionException(spec.name(), "the arguments do not match the schema: "
                        + firstLine(e) + "; call the tool again with arguments that match its schema");
            }
        }
        List<String> problems = new ArrayList<>();
        Object[] values = new Object[parameters.length];
        Set<String> known = new TreeSet<>();
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getName();
            known.add(name);
            JsonNode node = arguments.get(name);
            if (node == null || node.isNull()) {
                if (parameters[i].getType() == Optional.class) {
                    values[i] = Optional.empty();
                } else {
                    problems.add("missing required argument '" + name + "' (" + expected(name) + ")");
                }
                continue;
            }
            try {
                values[i] = ToolArguments.MAPPER.treeToValue(node, types[i]);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                String expected = expected(name);
                // Jackson's detail helps inside objects and arrays; for a scalar or an enum it only repeats the expectation
                boolean scalar = expected.startsWith("one of") || expected.matches("of type \"?(string|integer|number|boolean)\"?");
                problems.add("argument '" + name + "' must be " + expected + ", got " + node
                        + (scalar ? "" : " (" + firstLine(e) + ")"));
            }
        }
        for (Iterator<String> it = arguments.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                problems.add("unknown argument '" + name + "' (the arguments are " + known + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ToolExecutionException(spec.name(), String.join("; ", problems)
                    + "; call the tool again with corrected arguments");
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private String expected(String parameter) {
        Object property = ((Map<String, Object>) spec.parameters().get("properties")).get(parameter);
        if (property instanceof Map<?, ?> map) {
            Object type = map.get("type");
            Object values = map.get("enum");
            if (values != null) {
                return "one of " + values;
            }
            if (type != null) {
                return "of type " + type;
            }
        }
        return "as described by the schema";
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        message = String.valueOf(message);
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private String render(Object result) {
        if (method.getReturnType() == void.class) {
            return "done";
        }
        if (result instanceof String text) {
            return text;
        }
        try {
            return ToolArguments.MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new ToolExecutionException(spec.name(), "its result cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
