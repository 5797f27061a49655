package dev.catena.prompts.parsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.OutputParserException;
import dev.catena.core.messages.AiMessage;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SimpleParsersTest {

    enum Color { RED, GREEN, BLUE }

    @Test
    void stringParserTakesTextOrMessages() {
        StringOutputParser p = new StringOutputParser();
        assertThat(p.invoke("hello")).isEqualTo("hello");
        assertThat(p.invoke(AiMessage.of("from a model"))).isEqualTo("from a model");
        assertThat(p.kind()).isEqualTo("parser");
        assertThatThrownBy(() -> p.invoke(42)).isInstanceOf(OutputParserException.class).hasMessageContaining("Integer");
    }

    @Test
    void commaSeparatedFollowsCsvRules() {
        ListOutputParser p = ListOutputParser.commaSeparated();
        assertThat(p.parse("foo, bar, baz")).containsExactly("foo", "bar", "baz");
        assertThat(p.parse("foo,bar,baz")).containsExactly("foo", "bar", "baz");
        assertThat(p.parse("foo")).containsExactly("foo");
        assertThat(p.parse("\"foo, bar\", baz")).containsExactly("foo, bar", "baz");
        assertThat(p.parse("say \"\"hi\"\", x")).containsExactly("say \"\"hi\"\"", "x");
        assertThat(p.parse("\"a \"\"quoted\"\" word\",b")).containsExactly("a \"quoted\" word", "b");
        assertThat(p.parse("a, b\nc, d")).containsExactly("a", "b", "c", "d");
        assertThat(p.parse("")).isEmpty();
        assertThat(p.formatInstructions()).contains("`foo, bar, baz`");
    }

    @Test
    void numberedAndMarkdownLists() {
        assertThat(ListOutputParser.numbered().parse("Here you go:\n1. foo\n2. bar\n\n3. baz qux")).containsExactly("foo", "bar", "baz qux");
        assertThat(ListOutputParser.numbered().parse("no list here")).isEmpty();
        assertThat(ListOutputParser.markdown().parse("Items:\n- foo\n* bar\n  - baz\nnot-an-item")).containsExactly("foo", "bar", "baz");
    }

    @Test
    void listsStreamItemByItem() {
        List<List<String>> items = ListOutputParser.commaSeparated()
                .transform(Stream.of("fo", "o, b", "ar,", " baz"), dev.catena.core.components.RunConfig.defaults()).toList();
        assertThat(items).containsExactly(List.of("foo"), List.of("bar"), List.of("baz"));
        List<List<String>> numbered = ListOutputParser.numbered()
                .transform(Stream.<Object>of(AiMessage.of("1. fo"), AiMessage.of("o\n2. bar\n"), AiMessage.of("3. baz")),
                        dev.catena.core.components.RunConfig.defaults()).toList();
        assertThat(numbered).containsExactly(List.of("foo"), List.of("bar"), List.of("baz"));
    }

    @Test
    void booleanParserMatchesWholeWordsInAnyCase() {
        BooleanOutputParser p = new BooleanOutputParser();
        assertThat(p.parse("YES")).isTrue();
        assertThat(p.parse("no")).isFalse();
        assertThat(p.parse("Well... yes, I think so.")).isTrue();
        assertThatThrownBy(() -> p.parse("yes and no")).isInstanceOf(OutputParserException.class).hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> p.parse("nothing")).isInstanceOf(OutputParserException.class)
                .satisfies(e -> assertThat(((OutputParserException) e).rawOutput()).isEqualTo("nothing"));
        assertThatThrownBy(() -> p.parse("yesterday")).isInstanceOf(OutputParserException.class);
        BooleanOutputParser custom = new BooleanOutputParser("CORRECT", "WRONG");
        assertThat(custom.parse("that is correct")).isTrue();
        assertThat(custom.parse("WRONG!")).isFalse();
        assertThat(custom.formatInstructions()).contains("CORRECT", "WRONG");
    }

    @Test
    void enumParser() {
        EnumOutputParser<Color> p = new EnumOutputParser<>(Color.class);
        assertThat(p.parse(" RED\n")).isEqualTo(Color.RED);
        assertThat(p.parse("blue")).isEqualTo(Color.BLUE);
        assertThat(p.formatInstructions()).endsWith("RED, GREEN, BLUE");
        assertThatThrownBy(() -> p.parse("purple")).isInstanceOf(OutputParserException.class)
                .satisfies(e -> assertThat(((OutputParserException) e).expected()).isEqualTo("one of RED, GREEN, BLUE"));
    }

    @Test
    void regexParserMapsNamedGroups() {
        RegexOutputParser p = new RegexOutputParser("Answer: (?<answer>[^\\n]*)\\nScore: (?<score>\\d+)(?<note> \\(.*\\))?");
        assertThat(p.groups()).containsExactly("answer", "score", "note");
        Map<String, String> values = p.parse("Thoughts...\nAnswer: Paris\nScore: 9");
        assertThat(values).containsExactly(Map.entry("answer", "Paris"), Map.entry("score", "9"), Map.entry("note", ""));
        assertThatThrownBy(() -> p.parse("Answer: Paris")).isInstanceOf(OutputParserException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> new RegexOutputParser("no groups")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void datetimeParser() {
        DatetimeOutputParser p = new DatetimeOutputParser();
        assertThat(p.parse("2023-07-04T14:30:00.000000Z")).isEqualTo(LocalDateTime.of(2023, 7, 4, 14, 30));
        assertThat(p.formatInstructions()).contains("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", "2023-07-04T14:30:00.000000Z");
        DatetimeOutputParser dateOnly = new DatetimeOutputParser("dd/MM/yyyy");
        assertThat(dateOnly.parse(" 25/12/2024 ")).isEqualTo(LocalDateTime.of(2024, 12, 25, 0, 0));
        assertThatThrownBy(() -> dateOnly.parse("Christmas 2024")).isInstanceOf(OutputParserException.class)
                .hasMessageContaining("dd/MM/yyyy");
    }

    @Test
    void commaSeparatedStreamKeepsAQuotedItemWholeAcrossChunks() {
        ListOutputParser p = ListOutputParser.commaSeparated();
        String text = "a, \"x, y\", \"say \"\"hi\"\"\", b";
        List<List<String>> streamed = p.transform(Stream.<Object>of("a, \"x", ", y\", \"say \"\"h", "i\"\"\", b"),
                dev.catena.core.components.RunConfig.defaults()).toList();
        assertThat(streamed).containsExactly(List.of("a"), List.of("x, y"), List.of("say \"hi\""), List.of("b"));
        assertThat(p.parse(text)).containsExactly("a", "x, y", "say \"hi\"", "b");
    }

    @Test
    void datetimeParserReadsTwelveHourClocksDaysOfYearAndYearMonths() {
        assertThat(new DatetimeOutputParser("yyyy-MM-dd hh:mm a").parse("2023-07-04 02:30 PM"))
                .isEqualTo(LocalDateTime.of(2023, 7, 4, 14, 30));
        assertThat(new DatetimeOutputParser("yyyy-MM-dd hh:mm a").parse("2023-07-04 09:05 AM"))
                .isEqualTo(LocalDateTime.of(2023, 7, 4, 9, 5));
        assertThat(new DatetimeOutputParser("yyyy-DDD").parse("2023-185")).isEqualTo(LocalDateTime.of(2023, 7, 4, 0, 0));
        assertThat(new DatetimeOutputParser("yyyy-MM").parse("2023-07")).isEqualTo(LocalDateTime.of(2023, 7, 1, 0, 0));
        assertThatThrownBy(() -> new DatetimeOutputParser("HH:mm").parse("14:30")).isInstanceOf(OutputParserException.class)
                .hasMessageContaining("HH:mm");
    }
}
