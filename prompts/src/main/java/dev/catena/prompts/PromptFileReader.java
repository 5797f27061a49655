package dev.catena.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catena.core.messages.ChatMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one saved prompt file (and the files it names) into a template. Every failure is a
 * {@link PromptFormatException} naming the file and the field; files named inside a prompt file
 * ({@code template_path}, {@code example_prompt_path}, {@code examples}) must lie inside the
 * root folder, which is the prompt file's own folder unless the caller chose a wider one, so a
 * prompt file from elsewhere cannot pull in any file it likes (the path traversal LangChain fixed
 * in its own prompt loading). Files being read are tracked, so a file that names itself, directly
 * or through others, is reported as a cycle.
 */
final class PromptFileReader {

    private final Path root;       // absolute, normalized
    private final Path realRoot;   // with links resolved, to catch a link that points outside
    private final Set<Path> reading = new LinkedHashSet<>();

    private PromptFileReader(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new PromptFormatException("the prompt root folder " + root + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads {@code file}; named files must lie under {@code root}, or the file's own folder when it is null. */
    static Object read(Path file, Path root) {
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = root != null ? root : absolute.getParent();
        return new PromptFileReader(folder).readFile(absolute);
    }

    private Object readFile(Path file) {
        Path key = realPathOf(file);
        if (!reading.add(key)) {
            List<String> chain = new ArrayList<>();
            reading.forEach(p -> chain.add(p.getFileName().toString()));
            chain.add(key.getFileName().toString());
            throw new PromptFormatException("prompt file " + file + " refers to itself through "
                    + String.join(" -> ", chain) + "; break the cycle by inlining one of the prompts", -1);
        }
        try {
            JsonNode node = parse(file);
            if (node == null || !node.isObject()) {
                throw new PromptFormatException(file + " does not hold a prompt object (found "
                        + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)) + ")", -1);
            }
            return new Fields(file, "").template(node);
        } finally {
            reading.remove(key);
        }
    }

    private static Path realPathOf(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new PromptFormatException("could not read prompt from " + file + ": " + e, e);
        }
    }

    private static JsonNode parse(Path file) {
        ObjectMapper mapper = TemplateFiles.mapperFor(file);
        try {
            return mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // The YAML reader throws unchecked exceptions of its own on some damaged files.
            throw new PromptFormatException("could not read prompt from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A file named inside a prompt file, resolved against the referring file's folder and refused
     * when it leads outside the root (absolute elsewhere, {@code ..}, or a link).
     */
    private Path confined(Path referrer, String field, String name) {
        Path named;
        try {
            named = Path.of(name);
        } catch (RuntimeException e) {
            throw new PromptFormatException(referrer + ": field '" + field + "' is not a valid file name: " + name, e);
        }
        Path resolved = referrer.getParent().resolve(named).normalize();
        if (!resolved.startsWith(root)) {
            throw outside(referrer, field, name);
        }
        if (Files.exists(resolved)) {
            try {
                if (!resolved.toRealPath().startsWith(realRoot)) {
                    throw outside(referrer, field, name);
                }
            } catch (IOException e) {
                throw new PromptFormatException(referrer + ": field '" + field + "' names " + name
                        + ", which cannot be read: " + e.getMessage(), e);
            }
        }
        return resolved;
    }

    private PromptFormatException outside(Path referrer, String field, String name) {
        return new PromptFormatException(referrer + ": field '" + field + "' names '" + name + "', which is outside "
                + root + "; a prompt file may only name files in its own folder. Move the file there, or load"
                + " with PromptTemplate.load(file, root) to allow a wider root folder you trust", -1);
    }

    /** Reads the fields of one object in a prompt file; {@code at} is where the object sits, for messages. */
    private final class Fields {
        private final Path file;
        private final String at;

        Fields(Path file, String at) {
            this.file = file;
            this.at = at;
        }

        private String name(String field) {
            return at.isEmpty() ? field : at + "." + field;
        }

        private PromptFormatException bad(String field, String problem) {
            return new PromptFormatException(file + ": field '" + name(field) + "' " + problem, -1);
        }

        /** Builds a template, turning any other failure into one that names the file and the object. */
        Object template(JsonNode node) {
            try {
                return build(node);
            } catch (PromptFormatException e) {
                if (e.getMessage().startsWith(file.toString()) || e.getMessage().contains(" refers to itself ")) {
                    throw e;
                }
                throw new PromptFormatException(file + (at.isEmpty() ? "" : " at '" + at + "'") + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new PromptFormatException(file + (at.isEmpty() ? "" : " at '" + at + "'")
                        + ": not a valid prompt: " + e.getMessage(), e);
            }
        }

        private Object build(JsonNode node) {
            String type = optionalString(node, "_type", "prompt");
            TemplateFormat format = TemplateFormat.fromWireName(optionalString(node, "template_format", null));
            return switch (type) {
                case "prompt" -> PromptTemplate.fromTemplate(text(node, "template"), format);
                case "few_shot" -> fewShot(node, format);
                case "chat" -> chat(node);
                default -> throw bad("_type", "is '" + type + "'; use \"prompt\", \"few_shot\" or \"chat\"");
            };
        }

        private FewShotPromptTemplate fewShot(JsonNode node, TemplateFormat format) {
            JsonNode examplePrompt = node.get("example_prompt");
            Object example;
            if (examplePrompt != null && !examplePrompt.isNull()) {
                if (!examplePrompt.isObject()) {
                    throw bad("example_prompt", "must be a prompt object");
                }
                example = new Fields(file, name("example_prompt")).template(examplePrompt);
            } else if (node.hasNonNull("example_prompt_path")) {
                example = readFile(confined(file, "example_prompt_path", string(node, "example_prompt_path")));
            } else {
                throw new PromptFormatException(file + ": a few_shot prompt needs 'example_prompt' or 'example_prompt_path'", -1);
            }
            if (!(example instanceof PromptTemplate examplePromptTemplate)) {
                throw bad("example_prompt", "must be a plain prompt (_type \"prompt\"), not a "
                        + example.getClass().getSimpleName());
            }
            return FewShotPromptTemplate.builder()
                    .examples(examples(node))
                    .examplePrompt(examplePromptTemplate)
                    .prefix(node.hasNonNull("prefix") || node.hasNonNull("prefix_path") ? text(node, "prefix") : "")
                    .suffix(text(node, "suffix"))
                    .exampleSeparator(optionalString(node, "example_separator", "\n\n"))
                    .templateFormat(format)
                    .build();
        }

        private ChatPromptTemplate chat(JsonNode node) {
            JsonNode messages = node.get("messages");
            if (messages == null || !messages.isArray() || messages.isEmpty()) {
                throw bad("messages", "must be a non-empty list of messages");
            }
            List<MessagePart> parts = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                JsonNode m = messages.get(i);
                Fields message = new Fields(file, name("messages[" + i + "]"));
                if (!m.isObject()) {
                    throw bad("messages[" + i + "]", "must be an object with 'role' and 'template', or 'placeholder'");
                }
                if (m.has("placeholder")) {
                    String placeholder = message.string(m, "placeholder");
                    if (placeholder.isBlank()) {
                        throw message.bad("placeholder", "must name a variable");
                    }
                    JsonNode last = m.get("n_messages");
                    if (last != null && !last.isNull() && !(last.canConvertToInt() && last.isIntegralNumber() && last.asInt() >= 1)) {
                        throw message.bad("n_messages", "must be a whole number of at least 1");
                    }
                    parts.add(new MessagesPlaceholder(placeholder, message.optionalBoolean(m, "optional"),
                            last == null || last.isNull() ? 0 : last.asInt()));
                } else if (m.has("text")) {
                    String text = message.string(m, "text");
                    parts.add(MessagePart.of(switch (message.role(m)) {
                        case SYSTEM -> ChatMessage.system(text);
                        case AI -> ChatMessage.ai(text);
                        case CHAT -> ChatMessage.chat(message.string(m, "role"), text);
                        default -> ChatMessage.user(text);
                    }));
                } else {
                    message.role(m);
                    parts.add(MessageTemplate.of(message.string(m, "role"), message.text(m, "template"),
                            TemplateFormat.fromWireName(message.optionalString(m, "template_format", null))));
                }
            }
            return ChatPromptTemplate.fromMessages(parts);
        }

        private ChatMessage.Role role(JsonNode m) {
            String role = string(m, "role");
            try {
                return MessageTemplate.of(role, "", TemplateFormat.F_STRING).role();
            } catch (PromptFormatException e) {
                throw bad("role", "is '" + role + "'; use system, human/user, ai/assistant or a role name");
            }
        }

        /** A required string field. */
        String string(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw bad(field, "is missing");
            }
            if (!value.isTextual()) {
                throw bad(field, "must be a string, found " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return value.asText();
        }

        String optionalString(JsonNode node, String field, String otherwise) {
            return node.hasNonNull(field) ? string(node, field) : otherwise;
        }

        boolean optionalBoolean(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                throw bad(field, "must be true or false, found " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return value.asBoolean();
        }

        /** A text field given inline or, as LangChain allows, as {@code <field>_path} to a file in the root folder. */
        String text(JsonNode node, String field) {
            if (node.hasNonNull(field)) {
                return string(node, field);
            }
            String pathField = field + "_path";
            if (node.hasNonNull(pathField)) {
                Path path = confined(file, name(pathField), string(node, pathField));
                try {
                    return Files.readString(path, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new PromptFormatException(file + ": could not read field '" + name(pathField) + "' file "
                            + path + ": " + e, e);
                }
            }
            throw bad(field, "is missing (give '" + field + "' or '" + pathField + "')");
        }

        private List<Map<String, Object>> examples(JsonNode node) {
            JsonNode examples = node.get("examples");
            if (examples != null && examples.isTextual()) {
                Path path = confined(file, "examples", examples.asText());
                JsonNode read = new Fields(path, "").parseExamples();
                return exampleList(read, path, "");
            }
            if (examples == null || !examples.isArray()) {
                throw bad("examples", "must be a list of examples, or the name of a JSON/YAML file holding one");
            }
            return exampleList(examples, file, name("examples"));
        }

        private JsonNode parseExamples() {
            return parse(file);
        }

        private List<Map<String, Object>> exampleList(JsonNode examples, Path source, String field) {
            if (!examples.isArray()) {
                throw new PromptFormatException(source + ": examples must be a list of objects", -1);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                JsonNode e = examples.get(i);
                if (!e.isObject()) {
                    throw new PromptFormatException(source + ": " + (field.isEmpty() ? "examples[" + i + "]"
                            : "field '" + field + "[" + i + "]'") + " must be an object of example variables", -1);
                }
                Map<String, Object> example = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    example.put(f.getKey(), TemplateFiles.JSON.convertValue(f.getValue(), Object.class));
                }
                out.add(example);
            }
            return out;
        }
    }
}
