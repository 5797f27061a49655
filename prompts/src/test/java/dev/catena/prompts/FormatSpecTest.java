package dev.catena.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Format specs give what Python's {@code format()} gives: the table was written by Python itself
 * (format-spec-cases.py next to it), thousands of value and spec pairs, errors included.
 */
class FormatSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCaseMatchesPython() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                FormatSpecTest.class.getResourceAsStream("format-spec-cases.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                Object value = value(f[0], f[1]);
                String spec = JSON.readValue(f[2], String.class);
                if (spec.isEmpty()) {
                    continue; // {v:} is {v}, which prints Java's toString (documented), where Python prints str()
                }
                String expected = JSON.readValue(f[3], String.class);
                String actual;
                try {
                    actual = PromptTemplate.fromTemplate("{v:" + spec.replace("{", "{{") + "}").format(Map.of("v", value));
                } catch (PromptFormatException e) {
                    actual = "!ERROR";
                }
                cases++;
                if (!actual.equals(expected)) {
                    mismatches.add(f[0] + " " + f[1] + " :" + spec + " -> python " + f[3] + ", catena \"" + actual + "\"");
                }
            }
        }
        assertThat(cases).isGreaterThan(4000);
        assertThat(mismatches).isEmpty();
    }

    private static Object value(String kind, String text) throws Exception {
        return switch (kind) {
            case "int" -> {
                BigInteger big = new BigInteger(text);
                yield big.bitLength() < 32 ? (Object) big.intValue() : big.bitLength() < 64 ? (Object) big.longValue() : big;
            }
            case "float" -> switch (text) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> Double.parseDouble(text);
            };
            case "bool" -> Boolean.parseBoolean(text.toLowerCase());
            default -> JSON.readValue(text, String.class);
        };
    }

    @Test
    void commonSpecsInAPrompt() {
        PromptTemplate p = PromptTemplate.fromTemplate("{item:<8}|{price:>8.2f}|{n:,}|{ratio:.1%}|{code:#06x}");
        assertThat(p.inputVariables()).containsExactly("code", "item", "n", "price", "ratio");
        assertThat(p.format(Map.of("item", "tea", "price", 3.5, "n", 1234567, "ratio", 0.256, "code", 255)))
                .isEqualTo("tea     |    3.50|1,234,567|25.6%|0x00ff");
    }

    @Test
    void conversionsAreRefusedWithTheReason() {
        for (String t : List.of("{x!r}", "{x!s}", "{x!a:>5}")) {
            assertThatThrownBy(() -> PromptTemplate.fromTemplate(t)).isInstanceOf(PromptFormatException.class)
                    .hasMessageContaining("conversion").hasMessageContaining("no Java meaning");
        }
    }

    @Test
    void badSpecsFailWhenBuiltAndUnsuitableValuesWhenFormatted() {
        assertThatThrownBy(() -> PromptTemplate.fromTemplate("total {x:.2q}")).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("unknown format type 'q'").hasMessageContaining("variable 'x'")
                .satisfies(e -> assertThat(((PromptFormatException) e).position()).isEqualTo(6));
        PromptTemplate p = PromptTemplate.fromTemplate("{x:.2f}");
        assertThatThrownBy(() -> p.format(Map.of("x", "abc"))).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("variable 'x'").hasMessageContaining("for numbers");
        assertThatThrownBy(() -> p.format(Map.of("x", List.of(1)))).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("List");
    }
}
