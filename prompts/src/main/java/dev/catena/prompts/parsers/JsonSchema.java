package dev.catena.prompts.parsers;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON schema of a Java type, for format instructions, structured output and tool
 * parameters, made by the victools generator with its Jackson module. One schema suits OpenAI's
 * strict structured outputs and Anthropic's tool input schemas alike:
 * <ul>
 *   <li>records (components in order) and classes (non-static, non-transient fields) become
 *       objects with {@code properties}, every property {@code required} and
 *       {@code additionalProperties: false};</li>
 *   <li>a property that may be absent, an {@link Optional} or one annotated {@code @Nullable} (any
 *       annotation of that simple name), is required but nullable: {@code "type": ["string", "null"]}
 *       (or an {@code anyOf} with {@code {"type": "null"}});</li>
 *   <li>a sealed interface becomes {@code anyOf} its permitted records; enums a string {@code enum};
 *       lists, sets and arrays an {@code array}; {@code Map<String, V>} an object whose
 *       {@code additionalProperties} are {@code V} (OpenAI's strict mode refuses such maps);</li>
 *   <li>Jackson's annotations are honoured: {@code @JsonProperty} renames, {@code @JsonIgnore}
 *       leaves a property out, {@code @JsonPropertyDescription} describes; so does {@link Description}.</li>
 * </ul>
 * A type used more than once, or recursively, is written once under {@code $defs} and referred to.
 *
 * <pre>{@code
 * record Weather(@Description("city name") String city, Optional<String> unit) {}
 * ObjectNode schema = JsonSchema.of(Weather.class);
 * }</pre>
 */
public final class JsonSchema {

    private static final SchemaGenerator GENERATOR = generator();

    private JsonSchema() {
    }

    /**
     * The schema of a type: a class, or a parameterized type such as {@code List<Person>} (from a
     * {@code TypeReference}). A type the generator cannot describe fails with
     * {@link OutputParserConfigurationException}.
     *
     * @param type a class or a parameterized type
     * @return a new JSON schema object
     */
    public static ObjectNode of(Type type) {
        try {
            return GENERATOR.generateSchema(type);
        } catch (RuntimeException e) {
            throw new OutputParserConfigurationException("cannot make a JSON schema of " + type.getTypeName() + ": "
                    + e.getMessage() + "; use records, enums, lists, maps with string keys and plain values", e);
        }
    }

    private static SchemaGenerator generator() {
        JacksonModule jackson = new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY);
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(jackson)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                        Option.FLATTENED_OPTIONALS, Option.STANDARD_FORMATS, Option.ADDITIONAL_FIXED_TYPES,
                        Option.PLAIN_DEFINITION_KEYS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        builder.forFields()
                .withRequiredCheck(field -> true) // strict structured outputs require every property
                .withNullableCheck(JsonSchema::mayBeAbsent)
                .withDescriptionResolver(field -> {
                    Description d = field.getAnnotationConsideringFieldAndGetterIfSupported(Description.class);
                    return d == null ? null : d.value();
                });
        builder.forTypesInGeneral()
                .withPropertySorter((a, b) -> 0) // a stable sort: declaration order, a record's components as written
                .withDescriptionResolver(scope -> {
                    Description d = scope.getType().getErasedType().getAnnotation(Description.class);
                    return d == null ? null : d.value();
                })
                .withSubtypeResolver((declared, context) -> {
                    Class<?> raw = declared.getErasedType();
                    if (!raw.isSealed() || !raw.isInterface() && !java.lang.reflect.Modifier.isAbstract(raw.getModifiers())) {
                        return null;
                    }
                    List<ResolvedType> subtypes = new ArrayList<>();
                    for (Class<?> permitted : raw.getPermittedSubclasses()) {
                        subtypes.add(context.getTypeContext().resolveSubtype(declared, permitted));
                    }
                    return subtypes;
                });
        return new SchemaGenerator(builder.build());
    }

    /** An {@link Optional} or a field annotated {@code @Nullable} of any package. */
    private static boolean mayBeAbsent(FieldScope field) {
        Field raw = field.getRawMember();
        if (raw.getType() == Optional.class) {
            return true;
        }
        for (Annotation a : raw.getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        for (Annotation a : raw.getAnnotatedType().getAnnotations()) {
            if (a.annotationType().getSimpleName().equals("Nullable")) {
                return true; // a type-use @Nullable
            }
        }
        return false;
    }
}
