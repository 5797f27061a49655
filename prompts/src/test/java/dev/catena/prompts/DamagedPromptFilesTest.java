package dev.catena.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of damaged prompt files, made from valid ones by random changes to their structure and
 * their text: each either loads or fails with a {@link PromptFormatException} naming the file,
 * never a {@code NullPointerException}, bare {@code IllegalArgumentException} or other surprise.
 */
class DamagedPromptFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String[] VALID = {
        "{\"_type\": \"prompt\", \"input_variables\": [\"a\"], \"template\": \"Hi {a}\", \"template_format\": \"f-string\"}",
        "{\"_type\": \"prompt\", \"template_path\": \"t.txt\"}",
        "{\"_type\": \"few_shot\", \"input_variables\": [\"x\"], \"prefix\": \"P\", \"suffix\": \"Q {x}\", \"example_separator\": \"\\n\","
                + " \"example_prompt\": {\"_type\": \"prompt\", \"template\": \"{in} -> {out}\"},"
                + " \"examples\": [{\"in\": \"a\", \"out\": \"b\"}, {\"in\": 1, \"out\": null}]}",
        "{\"_type\": \"few_shot\", \"suffix\": \"{x}\", \"example_prompt_path\": \"example.json\", \"examples\": \"examples.yaml\"}",
        "{\"_type\": \"chat\", \"messages\": [{\"role\": \"system\", \"template\": \"Be {tone}\"}, {\"placeholder\": \"history\", \"optional\": true},"
                + " {\"role\": \"ai\", \"text\": \"ok\"}, {\"role\": \"human\", \"template\": \"{{q}}\", \"template_format\": \"mustache\"}]}",
    };

    @TempDir
    Path dir;

    @Test
    void everyDamagedFileLoadsOrFailsWithAPromptFormatException() throws Exception {
        Files.writeString(dir.resolve("t.txt"), "Hello {name}");
        Files.writeString(dir.resolve("example.json"), "{\"_type\": \"prompt\", \"template\": \"{in}\"}");
        Files.writeString(dir.resolve("examples.yaml"), "- in: a\n- in: b\n");
        Random random = new Random(11);
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < 4000; i++) {
            JsonNode tree = JSON.readTree(VALID[random.nextInt(VALID.length)]);
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                tree = mutate(tree, random);
            }
            boolean yaml = random.nextBoolean();
            String text = (yaml ? YAML : JSON).writeValueAsString(tree);
            if (random.nextInt(3) == 0) {
                text = damageText(text, random);
            }
            Path file = dir.resolve("case" + i + (yaml ? ".yaml" : ".json"));
            Files.writeString(file, text);
            try {
                TemplateFiles.load(file);
                loaded++;
            } catch (PromptFormatException e) {
                assertThat(e.getMessage()).as("message of case %s:%n%s", i, text).contains(file.getFileName().toString());
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + " threw " + e + " for:\n" + text, e);
            }
        }
        // Both outcomes occur, so the generator exercises the checks and the happy path alike.
        assertThat(loaded).isGreaterThan(100);
        assertThat(refused).isGreaterThan(1000);
    }

    private static JsonNode mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return random.nextBoolean() ? root : JSON.createObjectNode().set("_type", randomValue(random));
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && object.size() > 0) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(name, randomValue(random));
                default -> object.set(pick(random, "_type", "template", "template_path", "examples", "example_prompt",
                        "messages", "placeholder", "role", "suffix", "prefix_path", "optional", "template_format"), randomValue(random));
            }
        } else if (target instanceof ArrayNode array && array.size() > 0) {
            int index = random.nextInt(array.size());
            if (random.nextBoolean()) {
                array.remove(index);
            } else {
                array.set(index, randomValue(random));
            }
        }
        return random.nextInt(40) == 0 ? randomValue(random) : root;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                collect(it.next(), into);
            }
        }
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(10)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(random.nextInt(5) - 1);
            case 2 -> f.booleanNode(random.nextBoolean());
            case 3 -> f.arrayNode().add(pick(random, "a", "{x}", "")).add(f.objectNode());
            case 4 -> f.objectNode().put("in", "v").putNull("out");
            case 5 -> f.textNode(pick(random, "prompt", "few_shot", "chat", "mustache", "jinja2", "user", "tool"));
            case 6 -> f.textNode(pick(random, "t.txt", "missing.txt", "../t.txt", "/etc/hostname", "example.json",
                    "examples.yaml", "t.txt\u0000", ""));
            case 7 -> f.textNode(pick(random, "{", "}", "{a}{", "{{#s}}", "{0}", "{a.b}", "{ }", "{price:.2f}"));
            case 8 -> f.objectNode().put("_type", "prompt").put("template", "{in}");
            default -> f.textNode("");
        };
    }

    private static String damageText(String text, Random random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, pick(random, "{", "}", "[", "]", "\"", ":", "\n", "  ", "- ", "&a", "*a", "!!", "\t", "#", "\\"));
                case 2 -> b.setLength(at);
                default -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return b.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
