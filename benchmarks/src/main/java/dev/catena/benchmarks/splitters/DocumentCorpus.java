package dev.catena.benchmarks.splitters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The documents users split: a seeded corpus of four kinds of section, cut into documents of
 * {@value #DOCUMENT_CHARS} chars, as a loader hands over a long file in pieces.
 *
 * <p>The generator, exactly: {@code SplittableRandom(seed)}; until the corpus holds
 * {@code megabytes × 1,000,000} UTF-8 bytes, draw {@code k = nextInt(10)} and append one section,
 * each followed by {@code "\n\n"}:
 * <ul>
 *   <li>{@code k < 4}, friendly paragraphs: 1–3 paragraphs of 2–8 lines, each line 1–4 sentences
 *       picked from six English and six Chinese sentences (English ones joined by a space);</li>
 *   <li>{@code k = 4, 5}, a long unspaced Chinese run: 40–400 Chinese sentences with their
 *       punctuation and no space or line break (about 1,000–10,000 chars), the hard case: only the
 *       last separator, "", applies, and tokenizers see sentence-long pre-tokens;</li>
 *   <li>{@code k = 6, 7}, code: a Java class of 2–6 methods of 3–12 indented statements;</li>
 *   <li>{@code k = 8, 9}, Markdown: a heading, a bullet list of 3–8 items with inline code and
 *       links, a 3–10 row table, and a quote.</li>
 * </ul>
 * The corpus is then cut every {@value #DOCUMENT_CHARS} chars (the last document is shorter).
 * With seed 42, 2 MB makes 15 documents (940,088 chars) and 20 MB 144 documents (9,387,843 chars);
 * 53% of the chars are Han characters.
 */
public final class DocumentCorpus {

    /** Chars per document. */
    public static final int DOCUMENT_CHARS = 65_536;

    // The sentences of the paragraph-friendly corpus, so both corpora speak alike.
    private static final String[] ENGLISH = MixedCorpus.ENGLISH;
    private static final String[] CHINESE = MixedCorpus.CHINESE;
    private static final String[] IDENTIFIERS = {
        "chunk", "tokens", "overlap", "separator", "document", "metadata", "embedding", "index", "score", "query",
    };
    private static final String[] TYPES = {"int", "String", "List<String>", "double", "long", "Map<String, Object>"};

    private DocumentCorpus() {
    }

    /**
     * {@return the corpus cut into documents of {@value #DOCUMENT_CHARS} chars}
     *
     * @param megabytes the corpus's size in UTF-8 megabytes (10^6 bytes)
     * @param seed the generator's seed
     */
    public static List<String> documents(int megabytes, long seed) {
        String corpus = text(megabytes, seed);
        List<String> documents = new ArrayList<>();
        for (int from = 0; from < corpus.length(); from += DOCUMENT_CHARS) {
            documents.add(corpus.substring(from, Math.min(corpus.length(), from + DOCUMENT_CHARS)));
        }
        return documents;
    }

    /**
     * {@return the whole corpus as one string}
     *
     * @param megabytes the corpus's size in UTF-8 megabytes (10^6 bytes)
     * @param seed the generator's seed
     */
    public static String text(int megabytes, long seed) {
        long target = megabytes * 1_000_000L;
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder corpus = new StringBuilder((int) (target / 2));
        long bytes = 0;
        StringBuilder section = new StringBuilder();
        while (bytes < target) {
            section.setLength(0);
            int kind = random.nextInt(10);
            if (kind < 4) {
                paragraphs(random, section);
            } else if (kind < 6) {
                chineseRun(random, section);
            } else if (kind < 8) {
                code(random, section);
            } else {
                markdown(random, section);
            }
            section.append("\n\n");
            bytes += section.toString().getBytes(StandardCharsets.UTF_8).length;
            corpus.append(section);
        }
        return corpus.toString();
    }

    /**
     * {@return the UTF-8 size of documents in megabytes (10^6 bytes), for MB/s}
     *
     * @param documents the documents
     */
    public static double megabytes(List<String> documents) {
        long bytes = 0;
        for (String d : documents) {
            bytes += d.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes / 1e6;
    }

    private static void paragraphs(SplittableRandom random, StringBuilder out) {
        int paragraphs = 1 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                out.append("\n\n");
            }
            int lines = 2 + random.nextInt(7);
            for (int l = 0; l < lines; l++) {
                if (l > 0) {
                    out.append('\n');
                }
                int sentences = 1 + random.nextInt(4);
                for (int s = 0; s < sentences; s++) {
                    if (random.nextBoolean()) {
                        if (s > 0) {
                            out.append(' ');
                        }
                        out.append(ENGLISH[random.nextInt(ENGLISH.length)]);
                    } else {
                        out.append(CHINESE[random.nextInt(CHINESE.length)]);
                    }
                }
            }
        }
    }

    private static void chineseRun(SplittableRandom random, StringBuilder out) {
        int sentences = 40 + random.nextInt(361);
        for (int s = 0; s < sentences; s++) {
            out.append(CHINESE[random.nextInt(CHINESE.length)]);
        }
    }

    private static void code(SplittableRandom random, StringBuilder out) {
        out.append("public final class ").append(capitalized(pick(random, IDENTIFIERS))).append("Index {\n");
        int methods = 2 + random.nextInt(5);
        for (int m = 0; m < methods; m++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            out.append("\n    /** Computes the ").append(pick(random, IDENTIFIERS)).append(" of a ")
                    .append(pick(random, IDENTIFIERS)).append(". */\n")
                    .append("    public ").append(type).append(' ').append(pick(random, IDENTIFIERS))
                    .append(capitalized(pick(random, IDENTIFIERS))).append("(String ").append(pick(random, IDENTIFIERS))
                    .append(", int limit) {\n");
            int statements = 3 + random.nextInt(10);
            for (int s = 0; s < statements; s++) {
                String a = pick(random, IDENTIFIERS);
                String b = pick(random, IDENTIFIERS);
                switch (random.nextInt(4)) {
                    case 0 -> out.append("        int ").append(a).append(s).append(" = ").append(b)
                            .append(".length() + ").append(random.nextInt(1000)).append(";\n");
                    case 1 -> out.append("        if (").append(a).append(" > limit) {\n            return ")
                            .append(b).append(";\n        }\n");
                    case 2 -> out.append("        for (int i = 0; i < ").append(a).append(".size(); i++) {\n            ")
                            .append(b).append(".add(").append(a).append(".get(i));\n        }\n");
                    default -> out.append("        ").append(a).append(" = ").append(b).append(".replace(\"")
                            .append(a).append("\", \"").append(b).append("\"); // keep the ").append(a).append('\n');
                }
            }
            out.append("        return null;\n    }\n");
        }
        out.append("}");
    }

    private static void markdown(SplittableRandom random, StringBuilder out) {
        out.append(random.nextBoolean() ? "## " : "### ").append(capitalized(pick(random, IDENTIFIERS))).append(' ')
                .append(pick(random, IDENTIFIERS)).append("\n\n");
        int items = 3 + random.nextInt(6);
        for (int i = 0; i < items; i++) {
            out.append("- `").append(pick(random, IDENTIFIERS)).append("`: ")
                    .append(random.nextBoolean() ? ENGLISH[random.nextInt(ENGLISH.length)] : CHINESE[random.nextInt(CHINESE.length)])
                    .append(" See [").append(pick(random, IDENTIFIERS)).append("](https://example.com/")
                    .append(pick(random, IDENTIFIERS)).append(").\n");
        }
        out.append("\n| name | value | note |\n|---|---:|---|\n");
        int rows = 3 + random.nextInt(8);
        for (int r = 0; r < rows; r++) {
            out.append("| ").append(pick(random, IDENTIFIERS)).append(" | ").append(random.nextInt(100_000))
                    .append(" | ").append(CHINESE[random.nextInt(CHINESE.length)], 0, 8).append(" |\n");
        }
        out.append("\n> ").append(ENGLISH[random.nextInt(ENGLISH.length)]);
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
