package dev.catena.retrieval.splitters;

import java.util.List;

/**
 * Ready-made separator lists for {@link RecursiveCharacterTextSplitter}: LangChain's lists for
 * Markdown, Java, Python, JavaScript and HTML ({@code get_separators_for_language}), and one for
 * Chinese text.
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
    CHINESE(true, KeepSeparator.END, List.of("\n\n", "\n", "[。！？；]|[.!?;](?=\\s)", "[，、]|,(?=\\s)", " ", ""));

    private final boolean regex;
    private final KeepSeparator keepSeparator;
    private final List<String> separators;

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
