package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The English and Chinese concept guides answer the same questions in the same order: each
 * heading is preceded by an explicit anchor, and both files have the same anchors in the same
 * order, so one cannot gain or lose a section without the other.
 */
class ConceptGuidesTest {

    private static final Pattern ANCHOR = Pattern.compile("^<a id=\"([a-z0-9-]+)\"></a>$");

    /** The anchor ids of a guide, in order; every anchor must be followed by a heading, every heading preceded by an anchor. */
    static List<String> anchoredHeadings(List<String> lines, String file) {
        List<String> ids = new ArrayList<>();
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher m = ANCHOR.matcher(line);
            if (m.matches()) {
                if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("## ") && !lines.get(i + 1).startsWith("### ")) {
                    throw new AssertionError(file + ":" + (i + 1) + ": anchor '" + m.group(1) + "' is not followed by a heading");
                }
                ids.add(m.group(1));
            } else if ((line.startsWith("## ") || line.startsWith("### ")) && (i == 0 || !ANCHOR.matcher(lines.get(i - 1)).matches())
                    && !line.equals("## Contents") && !line.equals("## 目录")) {
                throw new AssertionError(file + ":" + (i + 1) + ": heading '" + line + "' has no <a id=\"…\"></a> anchor before it");
            }
        }
        return ids;
    }

    @Test
    void bothGuidesHaveTheSameAnchoredSectionsInTheSameOrder() throws IOException {
        Path docs = DocsSnippetsTest.projectRoot().resolve("docs");
        List<String> english = anchoredHeadings(Files.readAllLines(docs.resolve("concepts.md")), "docs/concepts.md");
        List<String> chinese = anchoredHeadings(Files.readAllLines(docs.resolve("concepts.zh.md")), "docs/concepts.zh.md");

        assertThat(english).as("sections of docs/concepts.md").doesNotHaveDuplicates()
                .contains("what-is-langchain", "agents-and-toolkits", "hidden-behaviour", "alternatives", "long-texts");
        assertThat(chinese).as("sections of docs/concepts.zh.md, in the order of docs/concepts.md").isEqualTo(english);
    }

    @Test
    void everyContentsLinkPointsAtAnAnchorOfItsGuide() throws IOException {
        Path docs = DocsSnippetsTest.projectRoot().resolve("docs");
        for (String file : List.of("concepts.md", "concepts.zh.md")) {
            List<String> lines = Files.readAllLines(docs.resolve(file));
            List<String> anchors = anchoredHeadings(lines, file);
            Matcher links = Pattern.compile("\\]\\(#([a-z0-9-]+)\\)").matcher(String.join("\n", lines));
            List<String> targets = new ArrayList<>();
            while (links.find()) {
                targets.add(links.group(1));
            }
            assertThat(anchors).as(file + " anchors").containsAll(targets);
            assertThat(targets).as(file + " contents").containsAll(anchors);
        }
    }

    /**
     * Every relative link of both guides (to an example, a test or another page) names a file that
     * exists. The agents guide is the one exception: the agents module writes it, and it is linked
     * ahead of that work being merged.
     */
    @Test
    void everyLinkedFileExists() throws IOException {
        Path docs = DocsSnippetsTest.projectRoot().resolve("docs");
        List<String> missing = new ArrayList<>();
        for (String file : List.of("concepts.md", "concepts.zh.md")) {
            Matcher links = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(Files.readString(docs.resolve(file)));
            int found = 0;
            while (links.find()) {
                found++;
                String target = links.group(1);
                if (!Files.exists(docs.resolve(target).normalize())) {
                    missing.add(file + " -> " + target);
                }
            }
            assertThat(found).as("links in " + file).isGreaterThan(40);
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void aMissingOrReorderedSectionIsCaught() {
        List<String> english = anchoredHeadings(List.of("<a id=\"a\"></a>", "## A", "<a id=\"b\"></a>", "### B"), "en");
        List<String> chinese = anchoredHeadings(List.of("<a id=\"b\"></a>", "## 乙", "<a id=\"a\"></a>", "## 甲"), "zh");
        assertThat(chinese).isNotEqualTo(english);
        assertThatThrownBy(() -> anchoredHeadings(List.of("## No anchor"), "zh"))
                .hasMessageContaining("zh:1: heading '## No anchor' has no");
        assertThatThrownBy(() -> anchoredHeadings(List.of("<a id=\"x\"></a>", "text"), "en"))
                .hasMessageContaining("anchor 'x' is not followed by a heading");
    }
}
