package dev.catena.retrieval.splitters;

import java.util.List;

/**
 * Ready-made separator lists for {@link RecursiveCharacterTextSplitter}: LangChain's lists for
 * every language of its {@code get_separators_for_language} (Markdown, Java, Python, JavaScript,
 * HTML, C/C++, Go, Kotlin, TypeScript, PHP, Protocol Buffers, reStructuredText, Ruby, Elixir, Rust,
 * Scala, Swift, LaTeX, C#, Solidity, COBOL, Lua, Haskell, PowerShell, Visual Basic 6), string for
 * string, and one for Chinese text.
 *
 * <p>LangChain's {@code from_language} treats the separators as Python regexes, and so do the code
 * presets: {@code "\nDATA DIVISION."} matches any character after {@code DATA DIVISION}, and
 * Haskell's {@code "\n| "} matches a line break or a space. A brace that does not start a
 * repetition (as after {@code \\section}) is literal, as in Python.
 *
 * <p>{@link #CHINESE} cuts paragraphs, then lines, then after sentence ends ({@code 。！？；}, and
 * {@code . ! ? ;} when followed by whitespace), then after clause marks ({@code ，、}, and
 * {@code ,} before whitespace), then at spaces (for embedded Latin text), then between characters.
 * It keeps each mark at the end of its sentence ({@link KeepSeparator#END}), so chunks end with
 * {@code 。} rather than begin with it.
 */
public enum SeparatorPreset {

    /** Markdown headings, code fence ends, horizontal rules, then paragraphs, lines, words. */
    MARKDOWN(true, KeepSeparator.START, List.of("\n#{1,6} ", "```\n", "\n\\*\\*\\*+\n", "\n---+\n", "\n___+\n",
            "\n\n", "\n", " ", "")),
    /** Java classes, members, control flow, then paragraphs, lines, words. */
    JAVA(false, KeepSeparator.START, List.of("\nclass ", "\npublic ", "\nprotected ", "\nprivate ", "\nstatic ",
            "\nif ", "\nfor ", "\nwhile ", "\nswitch ", "\ncase ", "\n\n", "\n", " ", "")),
    /** Python classes and functions, then paragraphs, lines, words. */
    PYTHON(false, KeepSeparator.START, List.of("\nclass ", "\ndef ", "\n\tdef ", "\n\n", "\n", " ", "")),
    /** JavaScript declarations and control flow, then paragraphs, lines, words. */
    JAVASCRIPT(false, KeepSeparator.START, List.of("\nfunction ", "\nconst ", "\nlet ", "\nvar ", "\nclass ",
            "\nif ", "\nfor ", "\nwhile ", "\nswitch ", "\ncase ", "\ndefault ", "\n\n", "\n", " ", "")),
    /** HTML block and inline tags, then characters. */
    HTML(false, KeepSeparator.START, List.of("<body", "<div", "<p", "<br", "<li", "<h1", "<h2", "<h3", "<h4", "<h5",
            "<h6", "<span", "<table", "<tr", "<td", "<th", "<ul", "<ol", "<header", "<footer", "<nav", "<head",
            "<style", "<script", "<meta", "<title", "")),
    /** Chinese prose: paragraphs, lines, sentence ends, clause marks, spaces, characters. */
    CHINESE(true, KeepSeparator.END, List.of("\n\n", "\n", "[。！？；]|[.!?;](?=\\s)", "[，、]|,(?=\\s)", " ", "")),
    /** C and C++ classes, functions by return type, control flow. */
    CPP("\nclass ", "\nvoid ", "\nint ", "\nfloat ", "\ndouble ", "\nif ", "\nfor ", "\nwhile ", "\nswitch ",
            "\ncase ", "\n\n", "\n", " ", ""),
    /** Go functions, declarations, control flow. */
    GO("\nfunc ", "\nvar ", "\nconst ", "\ntype ", "\nif ", "\nfor ", "\nswitch ", "\ncase ", "\n\n", "\n",
            " ", ""),
    /** Kotlin classes, members, control flow. */
    KOTLIN("\nclass ", "\npublic ", "\nprotected ", "\nprivate ", "\ninternal ", "\ncompanion ", "\nfun ",
            "\nval ", "\nvar ", "\nif ", "\nfor ", "\nwhile ", "\nwhen ", "\ncase ", "\nelse ", "\n\n", "\n", " ", ""),
    /** TypeScript type declarations, classes, functions, control flow. */
    TS("\nenum ", "\ninterface ", "\nnamespace ", "\ntype ", "\nclass ", "\nfunction ", "\nconst ", "\nlet ",
            "\nvar ", "\nif ", "\nfor ", "\nwhile ", "\nswitch ", "\ncase ", "\ndefault ", "\n\n", "\n", " ", ""),
    /** PHP functions, classes, control flow. */
    PHP("\nfunction ", "\nclass ", "\nif ", "\nforeach ", "\nwhile ", "\ndo ", "\nswitch ", "\ncase ", "\n\n",
            "\n", " ", ""),
    /** Protocol Buffers messages, services, enums, options, imports, syntax lines. */
    PROTO("\nmessage ", "\nservice ", "\nenum ", "\noption ", "\nimport ", "\nsyntax ", "\n\n", "\n", " ", ""),
    /** reStructuredText section underlines and directives. */
    RST("\n=+\n", "\n-+\n", "\n\\*+\n", "\n\n.. *\n\n", "\n\n", "\n", " ", ""),
    /** Ruby methods, classes, control flow. */
    RUBY("\ndef ", "\nclass ", "\nif ", "\nunless ", "\nwhile ", "\nfor ", "\ndo ", "\nbegin ", "\nrescue ",
            "\n\n", "\n", " ", ""),
    /** Elixir functions, modules, macros, control flow. */
    ELIXIR("\ndef ", "\ndefp ", "\ndefmodule ", "\ndefprotocol ", "\ndefmacro ", "\ndefmacrop ", "\nif ",
            "\nunless ", "\nwhile ", "\ncase ", "\ncond ", "\nwith ", "\nfor ", "\ndo ", "\n\n", "\n", " ", ""),
    /** Rust functions, bindings, control flow ({@code "\nconst "} twice, as in LangChain). */
    RUST("\nfn ", "\nconst ", "\nlet ", "\nif ", "\nwhile ", "\nfor ", "\nloop ", "\nmatch ", "\nconst ",
            "\n\n", "\n", " ", ""),
    /** Scala classes, objects, members, control flow. */
    SCALA("\nclass ", "\nobject ", "\ndef ", "\nval ", "\nvar ", "\nif ", "\nfor ", "\nwhile ", "\nmatch ",
            "\ncase ", "\n\n", "\n", " ", ""),
    /** Swift functions, types, control flow. */
    SWIFT("\nfunc ", "\nclass ", "\nstruct ", "\nenum ", "\nif ", "\nfor ", "\nwhile ", "\ndo ", "\nswitch ",
            "\ncase ", "\n\n", "\n", " ", ""),
    /**
     * LaTeX chapters, sections, list and quote environments, math, then words. As in LangChain the
     * list ends with {@code "$$", "$"}, which as regexes match the end of the text, and has no line
     * separators.
     */
    LATEX("\n\\\\chapter{", "\n\\\\section{", "\n\\\\subsection{", "\n\\\\subsubsection{",
            "\n\\\\begin{enumerate}", "\n\\\\begin{itemize}", "\n\\\\begin{description}", "\n\\\\begin{list}",
            "\n\\\\begin{quote}", "\n\\\\begin{quotation}", "\n\\\\begin{verse}", "\n\\\\begin{verbatim}",
            "\n\\\\begin{align}", "$$", "$", " ", ""),
    /** C# types, members, control flow, exceptions. */
    CSHARP("\ninterface ", "\nenum ", "\nimplements ", "\ndelegate ", "\nevent ", "\nclass ", "\nabstract ",
            "\npublic ", "\nprotected ", "\nprivate ", "\nstatic ", "\nreturn ", "\nif ", "\ncontinue ", "\nfor ",
            "\nforeach ", "\nwhile ", "\nswitch ", "\nbreak ", "\ncase ", "\nelse ", "\ntry ", "\nthrow ",
            "\nfinally ", "\ncatch ", "\n\n", "\n", " ", ""),
    /** Solidity pragmas, contracts, members, control flow. */
    SOL("\npragma ", "\nusing ", "\ncontract ", "\ninterface ", "\nlibrary ", "\nconstructor ", "\ntype ",
            "\nfunction ", "\nevent ", "\nmodifier ", "\nerror ", "\nstruct ", "\nenum ", "\nif ", "\nfor ",
            "\nwhile ", "\ndo while ", "\nassembly ", "\n\n", "\n", " ", ""),
    /** COBOL divisions, sections, statements, then lines (no paragraph separator, as in LangChain). */
    COBOL("\nIDENTIFICATION DIVISION.", "\nENVIRONMENT DIVISION.", "\nDATA DIVISION.", "\nPROCEDURE DIVISION.",
            "\nWORKING-STORAGE SECTION.", "\nLINKAGE SECTION.", "\nFILE SECTION.", "\nINPUT-OUTPUT SECTION.",
            "\nOPEN ", "\nCLOSE ", "\nREAD ", "\nWRITE ", "\nIF ", "\nELSE ", "\nMOVE ", "\nPERFORM ", "\nUNTIL ",
            "\nVARYING ", "\nACCEPT ", "\nDISPLAY ", "\nSTOP RUN.", "\n", " ", ""),
    /** Lua locals, functions, control flow. */
    LUA("\nlocal ", "\nfunction ", "\nif ", "\nfor ", "\nwhile ", "\nrepeat ", "\n\n", "\n", " ", ""),
    /**
     * Haskell definitions, declarations, imports, type classes, guards and records. As in
     * LangChain, {@code "\n| "} is a regex, so it matches a line break or a space.
     */
    HASKELL("\nmain :: ", "\nmain = ", "\nlet ", "\nin ", "\ndo ", "\nwhere ", "\n:: ", "\n= ", "\ndata ",
            "\nnewtype ", "\ntype ", "\n:: ", "\nmodule ", "\nimport ", "\nqualified ", "\nimport qualified ",
            "\nclass ", "\ninstance ", "\ncase ", "\n| ", "\ndata ", "\n= {", "\n, ", "\n\n", "\n", " ", ""),
    /** PowerShell functions, parameters, control flow, classes, exception blocks. */
    POWERSHELL("\nfunction ", "\nparam ", "\nif ", "\nforeach ", "\nfor ", "\nwhile ", "\nswitch ", "\nclass ",
            "\ntry ", "\ncatch ", "\nfinally ", "\n\n", "\n", " ", ""),
    /**
     * Visual Basic 6 procedures, properties, types and enums, then control flow. These are
     * LangChain's strings as its f-strings expand them: the {@code ?} after the visibility group
     * makes its {@code \s+} lazy, so a procedure cut needs a visibility keyword
     * ({@code Public Sub}, not a bare {@code Sub}).
     */
    VISUALBASIC6(
            "\\n(?!End\\s)(?:Public|Private|Friend|Global|Static)\\s+?Sub\\s+",
            "\\n(?!End\\s)(?:Public|Private|Friend|Global|Static)\\s+?Function\\s+",
            "\\n(?!End\\s)(?:Public|Private|Friend|Global|Static)\\s+?Property\\s+(?:Get|Let|Set)\\s+",
            "\\n(?!End\\s)(?:Public|Private|Friend|Global|Static)\\s+?Type\\s+",
            "\\n(?!End\\s)(?:Public|Private|Friend|Global|Static)\\s+?Enum\\s+",
            "\\n(?!End\\s)If\\s+", "\\nElseIf\\s+", "\\nElse\\s+", "\\nSelect\\s+Case\\s+", "\\nCase\\s+",
            "\\nFor\\s+", "\\nDo\\s+", "\\nWhile\\s+", "\\nWith\\s+", "\\n\\n", "\\n", " ", "");

    private final boolean regex;
    private final KeepSeparator keepSeparator;
    private final List<String> separators;

    /** A code preset: LangChain's {@code from_language} treats every separator as a regex and keeps it at the start. */
    SeparatorPreset(String... separators) {
        this(true, KeepSeparator.START, List.of(separators));
    }

    SeparatorPreset(boolean regex, KeepSeparator keepSeparator, List<String> separators) {
        this.regex = regex;
        this.keepSeparator = keepSeparator;
        this.separators = separators;
    }

    /** {@return the separators, most preferred first} */
    public List<String> separators() {
        return separators;
    }

    /** {@return whether the separators are regexes} */
    public boolean isRegex() {
        return regex;
    }

    /** {@return where the preset keeps the separator it cut at} */
    public KeepSeparator keepSeparator() {
        return keepSeparator;
    }
}
