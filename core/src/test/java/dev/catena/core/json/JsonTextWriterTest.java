package dev.catena.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The hand-written writer must give, character for character, what Jackson's default generator
 * writes for the same calls: each case is written by both and the texts compared.
 */
class JsonTextWriterTest {

    /** One sequence of writer calls, replayed on both writers. */
    private interface Calls {
        void on(Sink sink) throws IOException;
    }

    /** The calls the forms make, on either writer. */
    private interface Sink {
        void startObject() throws IOException;

        void endObject() throws IOException;

        void startArray() throws IOException;

        void endArray() throws IOException;

        void name(String name) throws IOException;

        void name(SerializedString name) throws IOException;

        void string(String value) throws IOException;

        void string(SerializedString value) throws IOException;

        void number(int value) throws IOException;

        void number(long value) throws IOException;

        void number(double value) throws IOException;

        void number(float value) throws IOException;

        void bool(boolean value) throws IOException;

        void nullValue() throws IOException;

        void value(Object value) throws IOException;
    }

    private static String catena(Calls calls) throws IOException {
        JsonTextWriter out = new JsonTextWriter(1); // a tiny buffer: every call must grow it correctly
        calls.on(new Sink() {
            public void startObject() {
                out.startObject();
            }

            public void endObject() {
                out.endObject();
            }

            public void startArray() {
                out.startArray();
            }

            public void endArray() {
                out.endArray();
            }

            public void name(String name) {
                out.name(name);
            }

            public void name(SerializedString name) {
                out.name(name);
            }

            public void string(String value) {
                out.string(value);
            }

            public void string(SerializedString value) {
                out.string(value);
            }

            public void number(int value) {
                out.number(value);
            }

            public void number(long value) {
                out.number(value);
            }

            public void number(double value) {
                out.number(value);
            }

            public void number(float value) {
                out.number(value);
            }

            public void bool(boolean value) {
                out.bool(value);
            }

            public void nullValue() {
                out.nullValue();
            }

            public void value(Object value) {
                out.value(value);
            }
        });
        return out.text();
    }

    private static String jackson(Calls calls) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator gen = MessageJson.MAPPER.createGenerator(text)) {
            calls.on(new Sink() {
                public void startObject() throws IOException {
                    gen.writeStartObject();
                }

                public void endObject() throws IOException {
                    gen.writeEndObject();
                }

                public void startArray() throws IOException {
                    gen.writeStartArray();
                }

                public void endArray() throws IOException {
                    gen.writeEndArray();
                }

                public void name(String name) throws IOException {
                    gen.writeFieldName(name);
                }

                public void name(SerializedString name) throws IOException {
                    gen.writeFieldName(name);
                }

                public void string(String value) throws IOException {
                    gen.writeString(value);
                }

                public void string(SerializedString value) throws IOException {
                    gen.writeString(value);
                }

                public void number(int value) throws IOException {
                    gen.writeNumber(value);
                }

                public void number(long value) throws IOException {
                    gen.writeNumber(value);
                }

                public void number(double value) throws IOException {
                    gen.writeNumber(value);
                }

                public void number(float value) throws IOException {
                    gen.writeNumber(value);
                }

                public void bool(boolean value) throws IOException {
                    gen.writeBoolean(value);
                }

                public void nullValue() throws IOException {
                    gen.writeNull();
                }

                public void value(Object value) throws IOException {
                    gen.writeObject(value);
                }
            });
        }
        return text.toString();
    }

    private static void assertSame(Calls calls) throws IOException {
        assertThat(catena(calls)).isEqualTo(jackson(calls));
    }

    /** Every character class a string can hold, one per entry. */
    private static final String[] SAMPLES = {
        "", "plain ascii", "\"quoted\"", "back\\slash", "slash / and </script>", "\u0000\u0001\u0007\u001f",
        "\b\t\n\f\r", "\u007f\u0080\u00a0\u00ff", "caf\u00e9 na\u00efve", "\u822a\u73ed \u9760\u7a97\uff0c",
        "emoji \ud83d\ude00 pair", "lone high \ud83d end", "lone low \ude00 end", "\ude00\ud83d reversed",
        "line sep \u2028 para sep \u2029", "\ufeff bom \ufffe \uffff", "tail escape\n", "\n", "\"", "\\",
        "x".repeat(5000) + "\u0003" + "\u4e2d".repeat(3000),
    };

    @Test
    void stringsAndNamesOfEveryCharacterClassAreEscapedAsJacksonEscapesThem() throws IOException {
        for (String sample : SAMPLES) {
            assertSame(s -> s.string(sample));
            assertSame(s -> {
                s.startObject();
                s.name(sample);
                s.string(sample);
                s.name(new SerializedString(sample));
                s.string(new SerializedString(sample));
                s.endObject();
            });
        }
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String one = "a" + c + "b";
            assertSame(s -> s.string(one));
        }
    }

    @Test
    void randomStringsMixingEveryCharacterClassAreWrittenAsJacksonWritesThem() throws IOException {
        Random random = new Random(18);
        String classes = "a Z0/\"\\\u0000\u001f\b\t\n\f\r\u007f\u00e9\u4e2d\u2028\ud83d\ude00";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                sb.append(classes.charAt(random.nextInt(classes.length())));
            }
            String value = sb.toString();
            assertSame(s -> {
                s.startArray();
                s.string(value);
                s.startObject();
                s.name(value);
                s.string(value);
                s.endObject();
                s.endArray();
            });
        }
    }

    @Test
    void numbersAreWrittenAsJacksonWritesThem() throws IOException {
        int[] ints = {0, 1, -1, 9, 10, 99, 100, 12345, Integer.MAX_VALUE, Integer.MIN_VALUE};
        long[] longs = {0, -1, 1L << 31, -(1L << 31) - 1, 999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE};
        double[] doubles = {0.0, -0.0, 1.0, -1.5, 0.1, 1e-7, 1e-3, 1e7, 1.0e21, 1.23456789012345e-300,
            Double.MIN_VALUE, Double.MAX_VALUE, Math.PI, 100.5, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        float[] floats = {0f, -0f, 0.1f, 1e10f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, Float.NEGATIVE_INFINITY};
        assertSame(s -> {
            s.startArray();
            for (int i : ints) {
                s.number(i);
                s.value(i);
            }
            for (long l : longs) {
                s.number(l);
                s.value(l);
            }
            for (double d : doubles) {
                s.number(d);
                s.value(d);
            }
            for (float f : floats) {
                s.number(f);
                s.value(f);
            }
            s.value((short) -7);
            s.value((byte) 12);
            s.value(new BigInteger("123456789012345678901234567890"));
            s.value(new BigDecimal("1.10"));
            s.value(new BigDecimal("1E+3"));
            s.endArray();
        });
        Random random = new Random(18);
        for (int n = 0; n < 2000; n++) {
            double d = Double.longBitsToDouble(random.nextLong());
            long l = random.nextLong();
            assertSame(s -> {
                s.startArray();
                s.number(d);
                s.number(l);
                s.endArray();
            });
        }
    }

    @Test
    void nestedValuesAndCommasAreWrittenAsJacksonWritesThem() throws IOException {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("list", Arrays.asList(1, "two", null, true, 2.5, List.of(), Map.of()));
        inner.put("null", null);
        inner.put("nested", Map.of("deep", List.of(List.of(List.of("x")))));
        Map<Object, Object> otherKeys = new TreeMap<>(Map.of(2, "two", 1, "one"));
        assertSame(s -> {
            s.startObject();
            s.name(LangChainFields.TYPE);
            s.string(LangChainFields.TOOL_CALL);
            s.name("empty object");
            s.startObject();
            s.endObject();
            s.name("empty array");
            s.startArray();
            s.endArray();
            s.name("array");
            s.startArray();
            s.startObject();
            s.endObject();
            s.startArray();
            s.nullValue();
            s.bool(false);
            s.endArray();
            s.bool(true);
            s.endArray();
            s.name("map");
            s.value(inner);
            s.name("set");
            s.value(new LinkedHashSet<>(List.of("b", "a")));
            s.name("int keys");
            s.value(otherKeys);
            s.name("array of strings");
            s.value(new String[] {"a", "\n"});
            s.name("tree");
            s.value(MessageJson.parse("{\"a\":[1,2.5,\"\\u0001\"]}"));
            s.name("record");
            s.value(new Point(1, 2));
            s.endObject();
        });
    }

    @Test
    void aValueJacksonCannotWriteFailsNamingItsType() {
        assertThatThrownBy(() -> new JsonTextWriter(16).value(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void theBufferGrowsPastItsFirstCapacity() {
        JsonTextWriter out = new JsonTextWriter(16);
        List<String> expected = new ArrayList<>();
        out.startArray();
        for (int i = 0; i < 1000; i++) {
            out.string("item " + i);
            expected.add("\"item " + i + "\"");
        }
        out.endArray();
        assertThat(out.text()).isEqualTo("[" + String.join(",", expected) + "]");
    }

    @Test
    void twoUnfinishedWritersOnOneThreadNeverShareABuffer() {
        JsonTextWriter first = JsonTextWriter.onSpareBuffer(16);
        first.startArray();
        first.string("first");
        JsonTextWriter second = JsonTextWriter.onSpareBuffer(16);
        second.string("second");
        assertThat(second.finish()).isEqualTo("\"second\"");
        JsonTextWriter third = JsonTextWriter.onSpareBuffer(16); // takes the buffer second gave back
        third.string("third");
        first.string("more");
        first.endArray();
        assertThat(third.finish()).isEqualTo("\"third\"");
        assertThat(first.finish()).isEqualTo("[\"first\",\"more\"]");
        JsonTextWriter fourth = JsonTextWriter.onSpareBuffer(16);
        fourth.nullValue();
        assertThat(fourth.finish()).isEqualTo("null");
    }

    /** A bean-like value the writer leaves to Jackson. */
    record Point(int x, int y) {
    }
}
