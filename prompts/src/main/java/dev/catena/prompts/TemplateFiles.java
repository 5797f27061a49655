package dev.catena.prompts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.catena.core.messages.ChatMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes prompt templates as JSON or YAML, in LangChain's saved-prompt form
 * ({@code _type} {@code "prompt"} or {@code "few_shot"}, {@code template}, {@code template_format},
 * {@code input_variables}, {@code template_path}, {@code examples} inline or as a file), plus a
 * {@code "chat"} form of Catena's own for chat prompts.
 */
final class TemplateFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private TemplateFiles() {
    }

    private static ObjectMapper mapperFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        throw new PromptFormatException("cannot tell the format of " + file.getFileName()
                + "; name the file .json, .yaml or .yml", -1);
    }

    static void save(Object template, Path file) {
        ObjectMapper mapper = mapperFor(file);
        ObjectNode node = toNode(template);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, mapper.writeValueAsString(node), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PromptFormatException("could not write prompt to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a file that must hold a {@code type} ({@code what} names it in the error). */
    static <T> T load(Path file, Class<T> type, String what) {
        Object loaded = load(file);
        if (type.isInstance(loaded)) {
            return type.cast(loaded);
        }
        throw new PromptFormatException(file + " holds a " + loaded.getClass().getSimpleName()
                + ", not a " + what + "; load it with that class", -1);
    }

    static Object load(Path file) {
        ObjectMapper mapper = mapperFor(file);
        JsonNode node;
        try {
            node = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PromptFormatException("could not read prompt from " + file + ": " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new PromptFormatException(file + " does not hold a prompt object", -1);
        }
        return fromNode(node, file.toAbsolutePath().getParent());
    }

    private static ObjectNode toNode(Object template) {
        ObjectNode node = JSON.createObjectNode();
        if (template instanceof PromptTemplate p) {
            if (!p.partialVariables().isEmpty()) {
                // As LangChain: partials may hold values that have no file form, so saving them is refused.
                throw new PromptFormatException("cannot save a prompt with partial variables " + p.partialVariables()
                        + "; save the template without partials and apply them after loading", -1);
            }
            node.put("_type", "prompt");
            node.set("input_variables", strings(p.inputVariables()));
            node.put("template", p.template());
            node.put("template_format", p.templateFormat().wireName());
        } else if (template instanceof FewShotPromptTemplate f) {
            if (f.hasSelector()) {
                throw new PromptFormatException("cannot save a few-shot prompt that uses an example selector;"
                        + " save one with a fixed list of examples", -1);
            }
            if (!f.prefix().partialVariables().isEmpty() || !f.suffix().partialVariables().isEmpty()) {
                throw new PromptFormatException("cannot save a few-shot prompt with partial variables", -1);
            }
            node.put("_type", "few_shot");
            node.set("input_variables", strings(f.inputVariables()));
            node.put("prefix", f.prefix().template());
            node.put("suffix", f.suffix().template());
            node.put("example_separator", f.exampleSeparator());
            node.put("template_format", f.suffix().templateFormat().wireName());
            node.set("example_prompt", toNode(f.examplePrompt()));
            node.set("examples", JSON.valueToTree(f.examples()));
        } else if (template instanceof ChatPromptTemplate c) {
            if (!c.partialVariables().isEmpty()) {
                throw new PromptFormatException("cannot save a chat prompt with partial variables " + c.partialVariables(), -1);
            }
            node.put("_type", "chat");
            node.set("input_variables", strings(c.inputVariables()));
            ArrayNode messages = node.putArray("messages");
            for (MessagePart part : c.parts()) {
                ObjectNode m = messages.addObject();
                if (part instanceof MessageTemplate t) {
                    m.put("role", t.role().langChainType());
                    m.put("template", t.template().template());
                    if (t.template().templateFormat() != TemplateFormat.F_STRING) {
                        m.put("template_format", t.template().templateFormat().wireName());
                    }
                } else if (part instanceof MessagesPlaceholder ph) {
                    m.put("placeholder", ph.name());
                    m.put("optional", ph.optional());
                } else if (part instanceof MessagePart.FixedMessage fixed && fixed.message().role() != ChatMessage.Role.TOOL) {
                    m.put("role", fixed.message().role().langChainType());
                    m.put("text", fixed.message().text());
                } else {
                    throw new PromptFormatException("cannot save a chat prompt part of type "
                            + part.getClass().getSimpleName() + "; only message templates, placeholders and fixed"
                            + " system/user/ai messages can be saved", -1);
                }
            }
        } else {
            throw new PromptFormatException("cannot save a " + template.getClass().getSimpleName(), -1);
        }
        return node;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static Object fromNode(JsonNode node, Path dir) {
        String type = node.path("_type").asText("prompt");
        TemplateFormat format = TemplateFormat.fromWireName(node.path("template_format").asText(null));
        switch (type) {
            case "prompt" -> {
                return PromptTemplate.fromTemplate(text(node, "template", dir), format);
            }
            case "few_shot" -> {
                JsonNode examplePrompt = node.path("example_prompt");
                PromptTemplate example;
                if (examplePrompt.isObject()) {
                    example = (PromptTemplate) fromNode(examplePrompt, dir);
                } else if (node.hasNonNull("example_prompt_path")) {
                    example = PromptTemplate.load(dir.resolve(node.get("example_prompt_path").asText()));
                } else {
                    throw new PromptFormatException("a few_shot prompt file needs example_prompt or example_prompt_path", -1);
                }
                return FewShotPromptTemplate.builder()
                        .examples(examples(node.path("examples"), dir))
                        .examplePrompt(example)
                        .prefix(node.has("prefix") || node.has("prefix_path") ? text(node, "prefix", dir) : "")
                        .suffix(text(node, "suffix", dir))
                        .exampleSeparator(node.path("example_separator").asText("\n\n"))
                        .templateFormat(format)
                        .build();
            }
            case "chat" -> {
                List<MessagePart> parts = new ArrayList<>();
                for (JsonNode m : node.path("messages")) {
                    if (m.has("placeholder")) {
                        parts.add(new MessagesPlaceholder(m.get("placeholder").asText(), m.path("optional").asBoolean(false)));
                    } else if (m.has("text")) {
                        String role = m.path("role").asText();
                        String text = m.get("text").asText();
                        parts.add(MessagePart.of(switch (MessageTemplate.of(role, "", TemplateFormat.F_STRING).role()) {
                            case SYSTEM -> ChatMessage.system(text);
                            case AI -> ChatMessage.ai(text);
                            default -> ChatMessage.user(text);
                        }));
                    } else {
                        parts.add(MessageTemplate.of(m.path("role").asText(), text(m, "template", dir),
                                TemplateFormat.fromWireName(m.path("template_format").asText(null))));
                    }
                }
                return ChatPromptTemplate.fromMessages(parts);
            }
            default -> throw new PromptFormatException("unsupported prompt _type '" + type
                    + "'; use \"prompt\", \"few_shot\" or \"chat\"", -1);
        }
    }

    /** A text field given inline or, as LangChain allows, as {@code <field>_path} to a file next to this one. */
    private static String text(JsonNode node, String field, Path dir) {
        if (node.hasNonNull(field)) {
            return node.get(field).asText();
        }
        if (node.hasNonNull(field + "_path")) {
            Path path = dir.resolve(node.get(field + "_path").asText());
            try {
                return Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PromptFormatException("could not read " + field + " from " + path + ": " + e.getMessage(), e);
            }
        }
        throw new PromptFormatException("prompt file has no '" + field + "' (nor '" + field + "_path')", -1);
    }

    private static List<Map<String, Object>> examples(JsonNode node, Path dir) {
        TypeReference<List<Map<String, Object>>> type = new TypeReference<>() {
        };
        if (node.isArray()) {
            return JSON.convertValue(node, type);
        }
        if (node.isTextual()) {
            Path path = dir.resolve(node.asText());
            ObjectMapper mapper = mapperFor(path);
            try {
                return mapper.readValue(Files.readString(path, StandardCharsets.UTF_8), type);
            } catch (IOException e) {
                throw new PromptFormatException("could not read examples from " + path + ": " + e.getMessage(), e);
            }
        }
        throw new PromptFormatException("a few_shot prompt file needs 'examples': a list, or the name of a JSON/YAML file", -1);
    }
}
