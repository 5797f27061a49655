package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM must list every published module that holds code, or users end up pinning versions by
 * hand; a reserved module (only a package-info so far) stays out until it holds code.
 */
class BomTest {

    private static final Path ROOT = Path.of(System.getProperty("catena.root", ".."));

    @Test
    void bomListsEveryPublishedModuleAndNothingElse() throws Exception {
        List<String> published = new ArrayList<>();
        for (String module : texts(ROOT.resolve("pom.xml"), "module")) {
            Path pom = ROOT.resolve(module).resolve("pom.xml");
            String artifactId = directChild(pom, "artifactId");
            boolean skipsDeploy = Files.readString(pom).contains("<maven.deploy.skip>true</maven.deploy.skip>");
            if (!module.equals("bom") && !skipsDeploy && holdsCode(ROOT.resolve(module))) {
                published.add(artifactId);
            }
        }
        assertThat(published).contains("catena-core", "catena-models", "catena-prompts");
        assertThat(texts(ROOT.resolve("bom/pom.xml"), "artifactId"))
                .filteredOn(id -> !id.equals("catena-bom"))
                .containsExactlyInAnyOrderElementsOf(published);
    }

    private static boolean holdsCode(Path module) throws Exception {
        Path sources = module.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
        }
    }

    private static List<String> texts(Path pom, String tag) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }

    private static String directChild(Path pom, String tag) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        NodeList children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        throw new AssertionError(pom + " has no <" + tag + ">");
    }
}
