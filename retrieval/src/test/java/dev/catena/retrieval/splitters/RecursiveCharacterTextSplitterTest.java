package dev.catena.retrieval.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.core.documents.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases ported from LangChain's test_text_splitters.py (inputs and expected outputs). */
class RecursiveCharacterTextSplitterTest {

    private static RecursiveCharacterTextSplitter.Builder sized(int size, int overlap) {
        return RecursiveCharacterTextSplitter.builder().chunkSize(size).chunkOverlap(overlap);
    }

    @Test
    void splitsParagraphsThenLinesThenWordsThenCharacters() {
        String text = "Hi.\n\nI'm Harrison.\n\nHow? Are? You?\nOkay then f f f f.\n"
                + "This is a weird text to write, but gotta test the splittingggg some how.\n\nBye!\n\n-H.";
        assertThat(sized(10, 1).build().splitText(text)).containsExactly("Hi.", "I'm", "Harrison.", "How? Are?", "You?",
                "Okay then", "f f f f.", "This is a", "weird", "text to", "write,", "but gotta", "test the", "splitting",
                "gggg", "some how.", "Bye!", "-H.");
    }

    @Test
    void keepsSeparatorsAtStartOrEnd() {
        String query = "Apple,banana,orange and tomato.";
        assertThat(sized(10, 0).separators(List.of(",", ".")).keepSeparator(KeepSeparator.START).build().splitText(query))
                .containsExactly("Apple", ",banana", ",orange and tomato", ".");
        assertThat(sized(10, 0).separators(List.of(",", ".")).keepSeparator(KeepSeparator.END).build().splitText(query))
                .containsExactly("Apple,", "banana,", "orange and tomato.");
    }

    @Test
    void iteratesSeparatorsKeepingOrDiscardingThem() {
        String text = "....5X..3Y...4X....5Y...";
        List<String> kept = sized(6, 0).separators(List.of("X", "Y")).keepSeparator(KeepSeparator.START).build()
                .splitText(text);
        assertThat(kept).containsExactly("....5", "X..3", "Y...4", "X....5", "Y...");
        List<String> dropped = sized(5, 0).separators(List.of("X", "Y")).keepSeparator(KeepSeparator.NONE).build()
                .splitText(text);
        assertThat(dropped).containsExactly("....5", "..3", "...4", "....5", "...");
    }

    @Test
    void startIndicesOfRepeatedWords() {
        String text = "w1 w1 w1 w1 w1 w1 w1 w1 w1";
        List<Document> docs = sized(6, 0).addStartIndex(true).build().createDocuments(List.of(text), null);
        assertThat(docs).containsExactly(Document.of("w1 w1", Map.of("start_index", 0)),
                Document.of("w1 w1", Map.of("start_index", 6)), Document.of("w1 w1", Map.of("start_index", 12)),
                Document.of("w1 w1", Map.of("start_index", 18)), Document.of("w1", Map.of("start_index", 24)));
    }

    @Test
    void startIndicesStayExactWithOverlapOnRepetitiveText() {
        String text = "ab ab ab ab ab\n\nab ab ab ab ab ab ab\nab ab ab";
        RecursiveCharacterTextSplitter splitter = sized(8, 5).build();
        List<TextChunk> chunks = splitter.chunks(text);
        assertThat(chunks).hasSizeGreaterThan(5);
        int previous = -1;
        for (TextChunk c : chunks) {
            assertThat(text.startsWith(c.text(), c.startIndex())).as(c.toString()).isTrue();
            assertThat(c.startIndex()).isGreaterThan(previous);
            previous = c.startIndex();
        }
    }

    @Test
    void pythonPreset() {
        String code = "\ndef hello_world():\n    print(\"Hello, World!\")\n\n# Call the function\nhello_world()\n    ";
        assertThat(sized(16, 0).preset(SeparatorPreset.PYTHON).build().splitText(code)).containsExactly("def",
                "hello_world():", "print(\"Hello,", "World!\")", "# Call the", "function", "hello_world()");
        String fake = "\nclass Foo:\n\n    def bar():\n\n\ndef foo():\n\ndef testing_func():\n\ndef bar():\n";
        assertThat(sized(30, 0).preset(SeparatorPreset.PYTHON).build().splitText(fake))
                .containsExactly("class Foo:\n\n    def bar():", "def foo():", "def testing_func():", "def bar():");
    }

    @Test
    void javaPreset() {
        String code = "\npublic class HelloWorld {\n    public static void main(String[] args) {\n"
                + "        System.out.println(\"Hello, World!\");\n    }\n}\n    ";
        assertThat(sized(16, 0).preset(SeparatorPreset.JAVA).build().splitText(code)).containsExactly("public class",
                "HelloWorld {", "public", "static void", "main(String[]", "args) {", "System.out.prin",
                "tln(\"Hello,", "World!\");", "}\n}");
    }

    @Test
    void javascriptPreset() {
        String code = "\nfunction helloWorld() {\n  console.log(\"Hello, World!\");\n}\n\n// Call the function\n"
                + "helloWorld();\n    ";
        assertThat(sized(16, 0).preset(SeparatorPreset.JAVASCRIPT).build().splitText(code)).containsExactly("function",
                "helloWorld() {", "console.log(\"He", "llo,", "World!\");", "}", "// Call the", "function",
                "helloWorld();");
    }

    @Test
    void markdownPresetUsesRegexSeparators() {
        String code = "\n# Sample Document\n\n## Section\n\nThis is the content of the section.\n\n## Lists\n\n"
                + "- Item 1\n- Item 2\n- Item 3\n\n### Horizontal lines\n\n***********\n____________\n"
                + "-------------------\n\n#### Code blocks\n```\nThis is a code block\n\n# sample code\na = 1\nb = 2\n```\n    ";
        RecursiveCharacterTextSplitter splitter = sized(16, 0).preset(SeparatorPreset.MARKDOWN).build();
        assertThat(splitter.splitText(code)).containsExactly("# Sample", "Document", "## Section", "This is the",
                "content of the", "section.", "## Lists", "- Item 1", "- Item 2", "- Item 3", "### Horizontal", "lines",
                "***********", "____________", "---------------", "----", "#### Code", "blocks", "```", "This is a code",
                "block", "# sample code", "a = 1\nb = 2", "```");
        assertThat(splitter.splitText("harry\n***\nbabylon is")).containsExactly("harry", "***\nbabylon is");
    }

    @Test
    void htmlPreset() {
        String code = "\n<h1>Sample Document</h1>\n    <h2>Section</h2>\n        <p id=\"1234\">Reference content.</p>\n\n"
                + "    <h2>Lists</h2>\n        <ul>\n            <li>Item 1</li>\n            <li>Item 2</li>\n"
                + "            <li>Item 3</li>\n        </ul>\n\n        <h3>A block</h3>\n"
                + "            <div class=\"amazing\">\n                <p>Some text</p>\n"
                + "                <p>Some more text</p>\n            </div>\n    ";
        assertThat(sized(60, 0).preset(SeparatorPreset.HTML).build().splitText(code)).containsExactly(
                "<h1>Sample Document</h1>\n    <h2>Section</h2>", "<p id=\"1234\">Reference content.</p>",
                "<h2>Lists</h2>\n        <ul>", "<li>Item 1</li>\n            <li>Item 2</li>",
                "<li>Item 3</li>\n        </ul>", "<h3>A block</h3>", "<div class=\"amazing\">", "<p>Some text</p>",
                "<p>Some more text</p>\n            </div>");
    }

    @Test
    void chinesePresetSplitsAtSentenceEnds() {
        // The seed document's paragraph, as one line so only punctuation can guide the cuts.
        String text = "天道酬勤”并不是鼓励人们不劳而获，而是提醒人们要遵循自然规律，通过不断的努力和付出来追求自己的目标。"
                + "这种努力不仅仅是指身体上的劳动，也包括精神上的努力和思考，以及学习和适应变化的能力。"
                + "只要一个人具备这些能力，他就有可能会获得成功。";
        List<String> chunks = sized(100, 0).preset(SeparatorPreset.CHINESE).build().splitText(text);
        assertThat(chunks).hasSize(2);
        assertThat(chunks).allSatisfy(c -> assertThat(c).endsWith("。"));
        assertThat(String.join("", chunks)).isEqualTo(text);
        // The default separators find no break and cut mid-sentence at exactly 100 characters.
        List<String> plain = sized(100, 0).build().splitText(text);
        assertThat(plain.get(0).codePointCount(0, plain.get(0).length())).isEqualTo(100);
        assertThat(plain.get(0)).doesNotEndWith("。");
    }

    @Test
    void chinesePresetCutsAtClauseMarksWhenASentenceIsTooLong() {
        String sentence = "只要一个人具备这些能力，他就有可能会获得成功，而且会一直成功下去。";
        List<String> chunks = sized(15, 0).preset(SeparatorPreset.CHINESE).build().splitText(sentence);
        assertThat(chunks).containsExactly("只要一个人具备这些能力，", "他就有可能会获得成功，", "而且会一直成功下去。");
    }

    @Test
    void chinesePresetTreatsAsciiPeriodAsSentenceEndOnlyBeforeSpace() {
        String text = "Pi is 3.14 roughly. It is irrational. 圆周率约为3.14。";
        List<String> chunks = sized(25, 0).preset(SeparatorPreset.CHINESE).build().splitText(text);
        assertThat(chunks).containsExactly("Pi is 3.14 roughly.", "It is irrational.", "圆周率约为3.14。");
    }

    @Test
    void withoutStrippingChunksKeepTheirWhitespace() {
        List<String> chunks = sized(10, 0).stripWhitespace(false).build().splitText("one two three four");
        assertThat(chunks).containsExactly("one two", " three", " four");
    }

    @Test
    void customLengthFunctionCountsWords() {
        LengthFunction words = LengthFunction.of(s -> s.isBlank() ? 0 : s.trim().split("\\s+").length);
        List<String> chunks = sized(3, 0).lengthFunction(words).build().splitText("a b c d e f g");
        assertThat(chunks).containsExactly("a b c", "d e f", "g");
    }

    @Test
    void lookaroundSeparatorWithoutKeepingJoinsWithNothingUnlikePython() {
        // Python's recursive splitter would give "One.(?<=\\.) Two." for the first chunk.
        String text = "One. Two. Three. Four.";
        List<String> chunks = sized(10, 0).separatorRegexes(List.of("(?<=\\.)", "")).keepSeparator(KeepSeparator.NONE)
                .build().splitText(text);
        assertThat(chunks).containsExactly("One. Two.", "Three.", "Four.");
        assertThat(String.join("", chunks)).doesNotContain("(?<=");
    }
}
