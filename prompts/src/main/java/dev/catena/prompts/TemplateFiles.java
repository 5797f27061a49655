package dev.catena.prompts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.catena.core.messages.ChatMessage;
import dev.catena.core.messages.ChatRoleMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes prompt templates as JSON or YAML, in LangChain's saved-prompt form
 * ({@code _type} {@code "prompt"} or {@code "few_shot"}, {@code template}, {@code template_format},
 * {@code input_variables}, {@code template_path}, {@code examples} inline or as a file), plus a
 * {@code "chat"} form of Catena's own for chat prompts.
 */
final class TemplateFiles {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private TemplateFiles() {
    }

    static ObjectMapper mapperFor(Path file) {
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

    /**
     * Loads a file that must hold a {@code type} ({@code what} names it in the error); files it
     * refers to must lie inside {@code root}, or inside the file's own folder when {@code root} is null.
     */
    static <T> T load(Path file, Path root, Class<T> type, String what) {
        Object loaded = PromptFileReader.read(file, root);
        if (type.isInstance(loaded)) {
            return type.cast(loaded);
        }
        throw new PromptFormatException(file + " holds a " + loaded.getClass().getSimpleName()
                + ", not a " + what + "; load it with that class", -1);
    }

    static Object load(Path file) {
        return PromptFileReader.read(file, null);
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
                    m.put("role", t.speaker() != null ? t.speaker() : t.role().langChainType());
                    m.put("template", t.template().template());
                    if (t.template().templateFormat() != TemplateFormat.F_STRING) {
                        m.put("template_format", t.template().templateFormat().wireName());
                    }
                } else if (part instanceof MessagesPlaceholder ph) {
                    m.put("placeholder", ph.name());
                    m.put("optional", ph.optional());
                    if (ph.lastMessages() > 0) {
                        m.put("n_messages", ph.lastMessages());
                    }
                } else if (part instanceof MessagePart.FixedMessage fixed && fixed.message().role() != ChatMessage.Role.TOOL
                        && fixed.message().role() != ChatMessage.Role.FUNCTION) {
                    m.put("role", fixed.message() instanceof ChatRoleMessage chat ? chat.speaker()
                            : fixed.message().role().langChainType());
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

}
