package dev.catena.prompts.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.components.RunConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Streaming a list ends with exactly what parsing the whole text gives, however the text is cut. */
class ListOutputParserStreamingTest {

    private static final List<ListOutputParser> PARSERS =
            List.of(ListOutputParser.commaSeparated(), ListOutputParser.numbered(), ListOutputParser.markdown());
    private static final String[] PIECES = {"a", "b", "x y", ",", ", ", "\n", "\r", "\r\n", "\"", "\"\"", " ", "1. ", "2.", "-",
        "- ", "* ", "  - ", "12. ", "\n\n", "\t", "·", "٣. ", "\u2028", "*"};

    private static List<String> streamed(ListOutputParser parser, List<String> chunks) {
        List<String> out = new ArrayList<>();
        parser.transform(Stream.<Object>of(chunks.toArray()), RunConfig.defaults()).forEach(item -> {
            assertThat(item).hasSize(1);
            out.add(item.get(0));
        });
        return out;
    }

    @Test
    void anEmptyItemAfterACommaAtALineEndIsKept() {
        ListOutputParser comma = ListOutputParser.commaSeparated();
        assertThat(comma.parse("a,\nb")).containsExactly("a", "", "b");
        assertThat(streamed(comma, List.of("a,", "\nb"))).containsExactly("a", "", "b");
        assertThat(streamed(comma, List.of("a,"))).containsExactly("a", "");
    }

    @Test
    void everyCuttingOfShortTextsStreamsWhatParseGives() {
        Random random = new Random(15);
        for (int n = 0; n < 600; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(5);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String s = text.length() > 11 ? text.substring(0, 11) : text.toString();
            for (ListOutputParser parser : PARSERS) {
                List<String> expected = parser.parse(s);
                // Every way of cutting: each of the length-1 gaps is a cut or not.
                for (int mask = 0; mask < 1 << Math.max(0, s.length() - 1); mask++) {
                    List<String> chunks = new ArrayList<>();
                    int start = 0;
                    for (int gap = 1; gap < s.length(); gap++) {
                        if ((mask & (1 << (gap - 1))) != 0) {
                            chunks.add(s.substring(start, gap));
                            start = gap;
                        }
                    }
                    chunks.add(s.substring(start));
                    assertThat(streamed(parser, chunks)).as("%s streaming %s", parser.name(), chunks).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void longGeneratedListsStreamedInRandomChunksGiveWhatParseGives() {
        Random random = new Random(1515);
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String s = text.toString();
            List<String> chunks = new ArrayList<>();
            for (int at = 0; at < s.length(); ) {
                int next = Math.min(s.length(), at + 1 + random.nextInt(6));
                chunks.add(s.substring(at, next));
                at = next;
            }
            for (ListOutputParser parser : PARSERS) {
                assertThat(streamed(parser, chunks)).as("%s streaming %s", parser.name(), chunks).isEqualTo(parser.parse(s));
            }
        }
    }

    @Test
    void formatInstructionsAreLangChainsWords() {
        assertThat(ListOutputParser.commaSeparated().formatInstructions())
                .isEqualTo("Your response should be a list of comma separated values, eg: `foo, bar, baz` or `foo,bar,baz`");
        assertThat(ListOutputParser.numbered().formatInstructions()).isEqualTo(
                "Your response should be a numbered list with each item on a new line. For example: \n\n1. foo\n\n2. bar\n\n3. baz");
        assertThat(ListOutputParser.markdown().formatInstructions())
                .isEqualTo("Your response should be a markdown list, eg: `- foo\n- bar\n- baz`");
    }
}
