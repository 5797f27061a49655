package dev.catena.prompts.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.catena.core.components.RunConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The linear partial-JSON reading gives what LangChain's algorithm gives: {@link Reference} below
 * is that algorithm as written (close open strings and brackets, then drop one character at a
 * time from the end until the text parses), run on every prefix of thousands of generated and
 * damaged JSON texts; and streaming gives, chunk after chunk, what parsing each text so far gives.
 */
class PartialJsonLinearTest {

    @Test
    void everyPrefixOfGeneratedJsonClosesAsLangChainsAlgorithm() {
        Random random = new Random(11);
        int prefixes = 0;
        for (int n = 0; n < 700; n++) {
            String doc = value(random, 0);
            if (doc.length() > 90) {
                continue;
            }
            if (n % 3 == 0) {
                doc = damage(doc, random);
            }
            for (int end = 0; end <= doc.length(); end++) {
                String prefix = doc.substring(0, end);
                assertThat(PartialJson.parsePartial(prefix)).as("prefix %s", prefix).isEqualTo(Reference.parsePartial(prefix));
                prefixes++;
            }
        }
        assertThat(prefixes).isGreaterThan(10_000);
    }

    @Test
    void streamingGivesWhatParsingEachTextSoFarGives() {
        Random random = new Random(12);
        String[][] wrappers = {{"", ""}, {"```json\n", "\n```"}, {"Here it is:\n```json\n", "\n```\nDone."}, {"```\n", "```"},
            {"Sure! ", " Anything else?"}, {"  ", "\n"}, {"```JSON\n", "```"}, {"the answer ", ""}, {"`", "`"}};
        for (int n = 0; n < 300; n++) {
            String[] w = wrappers[random.nextInt(wrappers.length)];
            String doc = value(random, 0);
            if (n % 5 == 0) {
                doc = damage(doc, random);
            }
            String text = w[0] + doc + w[1];
            List<String> chunks = new ArrayList<>();
            for (int at = 0; at < text.length(); ) {
                int next = Math.min(text.length(), at + 1 + random.nextInt(7));
                chunks.add(text.substring(at, next));
                at = next;
            }
            List<JsonNode> expected = new ArrayList<>();
            StringBuilder soFar = new StringBuilder();
            for (String chunk : chunks) {
                soFar.append(chunk);
                JsonNode node = Reference.parseMarkdown(soFar.toString());
                if (node != null && !node.equals(expected.isEmpty() ? null : expected.get(expected.size() - 1))) {
                    expected.add(node);
                }
            }
            if (expected.isEmpty()) {
                continue; // the parser fails at the end; covered by the parser's own tests
            }
            List<JsonNode> streamed = new JsonOutputParser().transform(Stream.<Object>of(chunks.toArray()), RunConfig.defaults()).toList();
            assertThat(streamed).as("streaming %s", chunks).isEqualTo(expected);
        }
    }

    @Test
    void aLongUnfinishedKeyAndALongStreamedStringGiveLangChainsAnswers() {
        String key = "{\"a\": 1, \"" + "k".repeat(40_000);
        assertThat(PartialJson.parsePartial(key)).isEqualTo(JsonText.json("{\"a\": 1}"));
        StringBuilder value = new StringBuilder("{\"text\": \"");
        List<Object> chunks = new ArrayList<>();
        chunks.add(value.toString());
        for (int i = 0; i < 2_000; i++) {
            chunks.add("0123456789");
        }
        List<JsonNode> streamed = new JsonOutputParser().transform(chunks.stream(), RunConfig.defaults()).toList();
        assertThat(streamed).hasSize(2_001);
        assertThat(streamed.get(0)).isEqualTo(JsonText.json("{\"text\": \"\"}"));
        assertThat(streamed.get(2_000).get("text").asText()).hasSize(20_000);
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 4 : 7);
        return switch (kind) {
            case 0 -> string(random);
            case 1 -> pick(random, "0", "-0", "12", "-3.5", "1e5", "2E-3", "1.25e+10", "123456789012345678901", "7", "0.5", "-12.75");
            case 2 -> pick(random, "true", "false", "null", "NaN", "Infinity", "-Infinity");
            case 3 -> string(random);
            case 4, 5 -> {
                StringBuilder b = new StringBuilder("{");
                int members = random.nextInt(4);
                for (int i = 0; i < members; i++) {
                    b.append(i > 0 ? "," + space(random) : space(random)).append(string(random)).append(space(random)).append(':')
                            .append(space(random)).append(value(random, depth + 1));
                }
                yield b.append(space(random)).append('}').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("[");
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    b.append(i > 0 ? "," + space(random) : space(random)).append(value(random, depth + 1));
                }
                yield b.append(space(random)).append(']').toString();
            }
        };
    }

    private static String string(Random random) {
        StringBuilder b = new StringBuilder("\"");
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            b.append(pick(random, "a", "b", " ", "\\\"", "\\\\", "\n", "\\n", "\\u00e9", "\\ud83d\\ude00", "é", "{", "]", "`", "\\/",
                    "\t", "x"));
        }
        return b.append('"').toString();
    }

    private static String space(Random random) {
        return pick(random, "", "", " ", "\n", "  ");
    }

    private static String damage(String doc, Random random) {
        StringBuilder b = new StringBuilder(doc);
        for (int e = 0; e < 1 + random.nextInt(2) && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            if (random.nextBoolean()) {
                b.deleteCharAt(at);
            } else {
                b.insert(at, pick(random, "{", "}", "[", "]", "\"", ",", ":", "\\", "a", "1", "-", ".", "e", " ", "x"));
            }
        }
        return b.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** LangChain's parse_partial_json and parse_json_markdown as they are written, kept as the oracle. */
    static final class Reference {

        private static final Pattern FENCE = Pattern.compile("```(json)?(.*)", Pattern.DOTALL);
        private static final String STRIP = " \n\r\t`";

        static JsonNode parseMarkdown(String text) {
            String candidate = strip(text);
            JsonNode node = PartialJson.strict(candidate);
            if (node != null) {
                return node;
            }
            Matcher fence = FENCE.matcher(text);
            if (fence.find()) {
                candidate = strip(fence.group(2));
                node = PartialJson.strict(candidate);
                if (node != null) {
                    return node;
                }
            }
            int start = -1;
            for (int i = 0; i < candidate.length() && start < 0; i++) {
                if (candidate.charAt(i) == '{' || candidate.charAt(i) == '[') {
                    start = i;
                }
            }
            if (start < 0) {
                return parsePartial(candidate);
            }
            String fromBracket = candidate.substring(start);
            node = firstValue(fromBracket);
            return node != null ? node : close(fromBracket);
        }

        static JsonNode parsePartial(String s) {
            JsonNode whole = PartialJson.strict(s);
            return whole != null ? whole : close(s);
        }

        private static JsonNode close(String s) {
            StringBuilder chars = new StringBuilder();
            BitSet escapedNewline = new BitSet();
            StringBuilder closers = new StringBuilder();
            boolean inString = false;
            boolean escaped = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (inString) {
                    if (c == '"' && !escaped) {
                        inString = false;
                    } else if (c == '\n' && !escaped) {
                        escapedNewline.set(chars.length());
                        chars.append("\\n");
                        continue;
                    } else if (c == '\\') {
                        escaped = !escaped;
                    } else {
                        escaped = false;
                    }
                } else if (c == '"') {
                    inString = true;
                    escaped = false;
                } else if (c == '{') {
                    closers.insert(0, '}');
                } else if (c == '[') {
                    closers.insert(0, ']');
                } else if (c == '}' || c == ']') {
                    if (closers.length() > 0 && closers.charAt(0) == c) {
                        closers.deleteCharAt(0);
                    } else {
                        return null;
                    }
                }
                chars.append(c);
            }
            if (inString) {
                if (escaped) {
                    chars.setLength(chars.length() - 1);
                }
                chars.append('"');
            }
            while (chars.length() > 0) {
                JsonNode node = PartialJson.strict(chars + closers.toString());
                if (node != null) {
                    return node;
                }
                int last = chars.length() - 1;
                chars.setLength(last > 0 && escapedNewline.get(last - 1) ? last - 1 : last);
            }
            return null;
        }

        private static String strip(String text) {
            int from = 0;
            int to = text.length();
            while (from < to && STRIP.indexOf(text.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && STRIP.indexOf(text.charAt(to - 1)) >= 0) {
                to--;
            }
            return text.substring(from, to);
        }

        private static JsonNode firstValue(String text) {
            try (JsonParser parser = PartialJson.MAPPER.getFactory().createParser(text)) {
                return parser.nextToken() == null ? null : PartialJson.MAPPER.readTree(parser);
            } catch (IOException e) {
                return null;
            }
        }
    }

}
