package dev.catena.retrieval.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The language presets against the chunks LangChain's own tests expect for the same code and settings. */
class SeparatorPresetTest {

    private static List<String> split(SeparatorPreset preset, int size, String text) {
        return RecursiveCharacterTextSplitter.builder().chunkSize(size).chunkOverlap(0).preset(preset).build()
                .splitText(text);
    }

    @Test
    void go() {
        String code = "\npackage main\n\nimport \"fmt\"\n\nfunc helloWorld() {\n    fmt.Println(\"Hello, World!\")\n}\n\n"
                + "func main() {\n    helloWorld()\n}\n    ";
        assertThat(split(SeparatorPreset.GO, 16, code)).containsExactly("package main", "import \"fmt\"", "func",
                "helloWorld() {", "fmt.Println(\"He", "llo,", "World!\")", "}", "func main() {", "helloWorld()", "}");
    }

    @Test
    void lua() {
        String code = "\nlocal variable = 10\n\nfunction add(a, b)\n    return a + b\nend\n\nif variable > 5 then\n"
                + "    for i=1, variable do\n        while i < variable do\n            repeat\n"
                + "                print(i)\n                i = i + 1\n            until i >= variable\n"
                + "        end\n    end\nend\n    ";
        assertThat(split(SeparatorPreset.LUA, 16, code)).containsExactly("local variable", "= 10", "function add(a,",
                "b)", "return a +", "b", "end", "if variable > 5", "then", "for i=1,", "variable do", "while i",
                "< variable do", "repeat", "print(i)", "i = i + 1", "until i >=", "variable", "end", "end\nend");
    }

    @Test
    void haskellBarSeparatorIsAnAlternation() {
        String code = "\n        main :: IO ()\n        main = do\n          putStrLn \"Hello, World!\"\n\n"
                + "        -- Some sample functions\n        add :: Int -> Int -> Int\n        add x y = x + y\n    ";
        assertThat(split(SeparatorPreset.HASKELL, 16, code)).containsExactly("main ::", "IO ()", "main = do",
                "putStrLn", "\"Hello, World!\"", "--", "Some sample", "functions", "add :: Int ->", "Int -> Int",
                "add x y = x", "+ y");
    }

    @Test
    void visualBasic6() {
        String code = "\nOption Explicit\n\n"
                + "Public Function SumTwoIntegers(ByVal a As Integer, ByVal b As Integer) As Integer\n"
                + "    SumTwoIntegers = a + b\nEnd Function\n\nPublic Sub Main()\n    Dim i As Integer\n"
                + "    Dim limit As Integer\n\n    i = 0\n    limit = 50\n\n    While i < limit\n"
                + "        i = SumTwoIntegers(i, 1)\n\n        If i = limit \\\\ 2 Then\n"
                + "            MsgBox \"Halfway there! i = \" & i\n        End If\n    Wend\n\n"
                + "    MsgBox \"Done! Final value of i: \" & i\nEnd Sub\n";
        assertThat(split(SeparatorPreset.VISUALBASIC6, 16, code)).containsExactly("Option Explicit",
                "Public Function", "SumTwoIntegers(", "ByVal", "a As Integer,", "ByVal b As", "Integer) As", "Integer",
                "SumTwoIntegers", "= a + b", "End Function", "Public Sub", "Main()", "Dim i As", "Integer", "Dim limit",
                "As Integer", "i = 0", "limit = 50", "While i <", "limit", "i =", "SumTwoIntegers(", "i,", "1)",
                "If i =", "limit \\\\ 2 Then", "MsgBox \"Halfway", "there! i = \" &", "i", "End If", "Wend", "MsgBox",
                "\"Done! Final", "value of i: \" &", "i", "End Sub");
    }

    @Test
    void latexCutsAtSectionsWithTheirLiteralBrace() {
        String tex = "Intro text here.\n\\section{One}\nFirst body.\n\\section{Two}\nSecond body.";
        assertThat(split(SeparatorPreset.LATEX, 30, tex)).containsExactly("Intro text here.",
                "\\section{One}\nFirst body.", "\\section{Two}\nSecond body.");
    }

    @Test
    void cobolDotMatchesAnyCharacterAsInPython() {
        String code = "IDENTIFICATION DIVISION.\nPROGRAM-ID. HELLO.\nDATA DIVISIONX\nWORKING-STORAGE SECTION.";
        assertThat(split(SeparatorPreset.COBOL, 45, code)).containsExactly(
                "IDENTIFICATION DIVISION.\nPROGRAM-ID. HELLO.", "DATA DIVISIONX\nWORKING-STORAGE SECTION.");
    }

    @ParameterizedTest
    @EnumSource(SeparatorPreset.class)
    void everyPresetCompilesAndKeepsEveryWord(SeparatorPreset preset) {
        String text = "\nclass A {\n  int f() { return 1; }\n}\n\n\\section{S}\nx = {y}\n| z\n$a$ end.\n";
        List<String> chunks = split(preset, 12, text);
        assertThat(String.join(" ", chunks).split("\\s+")).isNotEmpty();
        for (String word : text.trim().split("\\s+")) {
            assertThat(String.join("", chunks)).contains(word.substring(0, 1));
        }
        assertThat(preset.separators()).isNotEmpty().endsWith("");
    }
}
