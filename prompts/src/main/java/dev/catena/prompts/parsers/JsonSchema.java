package dev.catena.prompts.parsers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A JSON schema generated from a Java type by reflection, for format instructions and tool
 * parameters. Records (components in order) and classes (non-static, non-transient fields) become
 * objects with {@code properties} and {@code required}; nested types are written inline; lists,
 * sets and arrays become {@code array} with {@code items}; enums a string {@code enum}; maps an
 * object with {@code additionalProperties}; {@code java.time} types strings with a {@code format}.
 * Every property is required unless it is an {@link Optional} or annotated {@code @Nullable}
 * (any annotation of that simple name). {@link Description} gives descriptions; Jackson's
 * {@link JsonProperty} renames.
 */
public final class JsonSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchema() {
    }

    /**
     * {@return the schema of a type (a class, or a parameterized type such as {@code List<Person>})}
     *
     * @param type the type
     */
    public static ObjectNode of(Type type) {
        return schema(type, new ArrayDeque<>());
    }

    private static ObjectNode schema(Type type, Deque<Class<?>> seen) {
        ObjectNode node = NODES.objectNode();
        Class<?> raw = rawClass(type);
        if (raw == Optional.class) {
            return schema(typeArgument(type, 0), seen);
        }
        if (raw == String.class || raw == char.class || raw == Character.class || CharSequence.class.isAssignableFrom(raw)) {
            node.put("type", "string");
        } else if (raw == boolean.class || raw == Boolean.class) {
            node.put("type", "boolean");
        } else if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class
                || raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
            node.put("type", "integer");
        } else if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == BigDecimal.class || raw == Number.class) {
            node.put("type", "number");
        } else if (raw.isEnum()) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (raw == UUID.class) {
            node.put("type", "string").put("format", "uuid");
        } else if (raw == LocalDate.class) {
            node.put("type", "string").put("format", "date");
        } else if (raw == LocalTime.class) {
            node.put("type", "string").put("format", "time");
        } else if (Temporal.class.isAssignableFrom(raw)) {
            node.put("type", "string").put("format", "date-time");
        } else if (raw.isArray() || type instanceof GenericArrayType) {
            node.put("type", "array");
            Type item = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            node.set("items", schema(item, seen));
        } else if (Collection.class.isAssignableFrom(raw)) {
            node.put("type", "array");
            node.set("items", schema(typeArgument(type, 0), seen));
        } else if (Map.class.isAssignableFrom(raw)) {
            node.put("type", "object");
            node.set("additionalProperties", schema(typeArgument(type, 1), seen));
        } else if (raw == Object.class) {
            return node; // any value
        } else if (seen.contains(raw)) {
            node.put("type", "object"); // a recursive type: stop here rather than loop
            node.put("description", "a nested " + raw.getSimpleName());
        } else {
            seen.push(raw);
            objectSchema(raw, node, seen);
            seen.pop();
        }
        return node;
    }

    private static void objectSchema(Class<?> raw, ObjectNode node, Deque<Class<?>> seen) {
        node.put("type", "object");
        Description typeDescription = raw.getAnnotation(Description.class);
        if (typeDescription != null) {
            node.put("description", typeDescription.value());
        }
        ObjectNode properties = node.putObject("properties");
        List<String> required = new ArrayList<>();
        for (Property p : properties(raw)) {
            ObjectNode ps = schema(p.type(), seen);
            Description d = p.element().getAnnotation(Description.class);
            if (d != null) {
                ps.put("description", d.value());
            }
            properties.set(p.name(), ps);
            if (rawClass(p.type()) != Optional.class && !hasNullable(p.element())) {
                required.add(p.name());
            }
        }
        if (!required.isEmpty()) {
            ArrayNode r = node.putArray("required");
            required.forEach(r::add);
        }
    }

    /** One property of an object type: its JSON name, generic type and where its annotations are. */
    record Property(String name, Type type, AnnotatedElement element) {
    }

    static List<Property> properties(Class<?> raw) {
        List<Property> out = new ArrayList<>();
        if (raw.isRecord()) {
            for (RecordComponent rc : raw.getRecordComponents()) {
                AnnotatedElement element = new RecordComponentAnnotations(rc, backingField(raw, rc.getName()));
                out.add(new Property(jsonName(rc.getName(), element), rc.getGenericType(), element));
            }
            return out;
        }
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                    continue;
                }
                out.add(new Property(jsonName(f.getName(), f), f.getGenericType(), f));
            }
        }
        return out;
    }

    private static Field backingField(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /**
     * A record component's annotations together with its backing field's: an annotation whose
     * target does not include record components (Jackson's {@code @JsonProperty}, many
     * {@code @Nullable}s) is kept only on the field and accessor, yet Jackson honours it.
     */
    private record RecordComponentAnnotations(RecordComponent component, Field field) implements AnnotatedElement {

        @Override
        public <A extends Annotation> A getAnnotation(Class<A> type) {
            A a = component.getAnnotation(type);
            return a != null || field == null ? a : field.getAnnotation(type);
        }

        @Override
        public Annotation[] getAnnotations() {
            return getDeclaredAnnotations();
        }

        @Override
        public Annotation[] getDeclaredAnnotations() {
            List<Annotation> all = new ArrayList<>(List.of(component.getDeclaredAnnotations()));
            if (field != null) {
                all.addAll(List.of(field.getDeclaredAnnotations()));
            }
            return all.toArray(new Annotation[0]);
        }
    }

    private static String jsonName(String name, AnnotatedElement element) {
        JsonProperty jp = element.getAnnotation(JsonProperty.class);
        return jp != null && !jp.value().isEmpty() ? jp.value() : name;
    }

    private static boolean hasNullable(AnnotatedElement element) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        if (type instanceof WildcardType w) {
            return rawClass(w.getUpperBounds()[0]);
        }
        return Object.class; // a type variable: any value
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
