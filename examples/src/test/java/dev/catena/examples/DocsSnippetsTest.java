package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs every {@code ```java} block of README.md and docs/**.md, so the docs cannot
 * drift from the code. A block with a {@code public static void main} class runs as is; any other
 * block is wrapped as the body of a main. Nothing is imported for a block: it shows its own
 * {@code import} lines, so a reader can copy it into a project as it stands. A failure names the
 * file and line of the block, and for a missing import the lines to add.
 */
class DocsSnippetsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern MAIN_CLASS = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    /** JDK packages searched for a missing import's suggestion. */
    private static final List<String> JDK_PACKAGES = List.of("java.util", "java.util.stream", "java.util.function",
            "java.util.concurrent", "java.util.concurrent.atomic", "java.nio.file", "java.nio.charset", "java.time",
            "java.io", "java.net", "java.math");
    private static final Pattern MISSING_SYMBOL = Pattern.compile("symbol:\\s+(?:class|variable|interface|enum|record) (\\w+)");

    /** One fenced java block: where it is and what it says. */
    record Snippet(String location, int firstLine, String code) {
        @Override
        public String toString() {
            return location + ":" + firstLine;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockInTheDocsCompilesAndRuns(@TempDir Path work) throws IOException {
        Path root = projectRoot();
        Map<String, List<String>> types = projectTypes(root);
        List<Snippet> snippets = new ArrayList<>();
        for (Path doc : documents(root)) {
            snippets.addAll(snippets(doc, root.relativize(doc).toString().replace('\\', '/')));
        }
        assertThat(types).as("Catena types found under " + root).containsKey("Component");
        return snippets.stream().map(s -> DynamicTest.dynamicTest(s.toString(),
                () -> run(s, types, work.resolve("block" + snippets.indexOf(s)), TIMEOUT)));
    }

    static Path projectRoot() {
        String root = System.getProperty("catena.root");
        Path path = Path.of(root != null ? root : "..").toAbsolutePath().normalize();
        if (!Files.isDirectory(path.resolve("core"))) {
            throw new IllegalStateException("catena.root (" + path + ") is not the project root; run the tests through Maven");
        }
        return path;
    }

    /** README.md and every Markdown file under docs/. */
    static List<Path> documents(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        if (Files.isRegularFile(root.resolve("README.md"))) {
            docs.add(root.resolve("README.md"));
        }
        if (Files.isDirectory(root.resolve("docs"))) {
            try (Stream<Path> walk = Files.walk(root.resolve("docs"))) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs;
    }

    /**
     * Every top-level type in a module's main sources (not the benchmarks, which examples cannot
     * see), by simple name: where to suggest an import from.
     */
    static Map<String, List<String>> projectTypes(Path root) throws IOException {
        Map<String, List<String>> types = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> !m.getFileName().toString().equals("benchmarks")).toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(sources)) {
                    walk.filter(p -> p.toString().endsWith(".java") && !p.getFileName().toString().equals("package-info.java"))
                            .map(p -> sources.relativize(p).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.java$", ""))
                            .filter(name -> name.startsWith("dev.catena"))
                            .forEach(name -> types.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(name));
                }
            }
        }
        return types;
    }

    /** The import lines that would define the symbols javac could not find, as far as they are known. */
    static List<String> suggestedImports(List<JavaSourceCompiler.Problem> problems, Map<String, List<String>> types) {
        TreeSet<String> imports = new TreeSet<>();
        for (JavaSourceCompiler.Problem problem : problems) {
            Matcher m = MISSING_SYMBOL.matcher(problem.message());
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            List<String> candidates = new ArrayList<>(types.getOrDefault(name, List.of()));
            for (String pkg : JDK_PACKAGES) {
                try {
                    Class.forName(pkg + "." + name, false, DocsSnippetsTest.class.getClassLoader());
                    candidates.add(pkg + "." + name);
                } catch (ClassNotFoundException notThere) {
                    // not in this package
                }
            }
            if (candidates.size() == 1) {
                imports.add("import " + candidates.get(0) + ";");
            }
        }
        return new ArrayList<>(imports);
    }

    /** The ```java blocks of one Markdown file, with the line of each block's first code line. */
    static List<Snippet> snippets(Path markdown, String location) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```java")) {
                int start = i + 1;
                int end = start;
                while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                    end++;
                }
                found.add(new Snippet(location, start + 1, String.join("\n", lines.subList(start, end))));
                i = end;
            }
        }
        return found;
    }

    /** Compiles and runs one block; throws an AssertionError naming the file and line if it fails. */
    static void run(Snippet snippet, Map<String, List<String>> types, Path dir, Duration timeout) throws IOException {
        Files.createDirectories(dir);
        String code = snippet.code();
        boolean wholeClass = code.contains("public static void main");
        String className;
        String fileName;
        String source;
        int lineOffset; // source line = block line + lineOffset
        if (wholeClass) {
            Matcher m = MAIN_CLASS.matcher(code);
            if (!m.find()) {
                throw new AssertionError(snippet + ": a block with a main method needs a public class");
            }
            Matcher p = PACKAGE.matcher(code);
            String pkg = p.find() ? p.group(1) + "." : "";
            className = pkg + m.group(1);
            fileName = className.replace('.', '/') + ".java";
            source = code;
            lineOffset = 0;
        } else {
            className = "DocSnippet";
            fileName = "DocSnippet.java";
            List<String> imports = new ArrayList<>();
            String body = code.lines().map(line -> {
                if (line.strip().startsWith("import ")) {
                    imports.add(line.strip());
                    return ""; // keep the line count, so errors point at the right line
                }
                return line;
            }).collect(Collectors.joining("\n"));
            source = String.join(" ", imports) + "\n"
                    + "public class DocSnippet { public static void main(String[] args) throws Exception {\n"
                    + body + "\n}}\n";
            lineOffset = 2;
        }
        List<JavaSourceCompiler.Problem> problems = JavaSourceCompiler.compile(Map.of(fileName, source), dir);
        if (!problems.isEmpty()) {
            String report = problems.stream()
                    .map(pr -> snippet.location() + ":" + (snippet.firstLine() + pr.line() - 1 - lineOffset) + ": " + pr.message())
                    .collect(Collectors.joining("\n"));
            List<String> missing = suggestedImports(problems, types);
            throw new AssertionError("the java block at " + snippet + " does not compile:\n" + report
                    + (missing.isEmpty() ? "" : "\nadd these imports to the block:\n" + String.join("\n", missing)));
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, DocsSnippetsTest.class.getClassLoader())) {
            Thread thread = new Thread(() -> {
                try {
                    Class.forName(className, true, loader).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
                } catch (InvocationTargetException e) {
                    failure.set(e.getCause());
                } catch (ReflectiveOperationException | RuntimeException | Error e) {
                    failure.set(e);
                }
            }, "docs-snippet " + snippet);
            thread.setDaemon(true);
            thread.start();
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                throw new AssertionError("the java block at " + snippet + " did not finish within " + timeout.toSeconds()
                        + " s; docs blocks must run offline and fast");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + snippet, e);
        }
        Throwable error = failure.get();
        if (error != null) {
            long line = snippet.firstLine();
            for (StackTraceElement frame : error.getStackTrace()) {
                if (frame.getClassName().equals(className) && frame.getLineNumber() > 0) {
                    line = snippet.firstLine() + frame.getLineNumber() - 1 - lineOffset;
                    break;
                }
            }
            throw new AssertionError("the java block at " + snippet + " failed at " + snippet.location() + ":" + line
                    + ": " + error, error);
        }
    }

    // --- the runner itself must catch broken blocks ---

    @Test
    void aBlockThatDoesNotCompileFailsWithFileAndLine(@TempDir Path dir) throws IOException {
        Path md = write(dir, "# Title", "", "```java", "String s = \"ok\";", "int n = s.lengthh();", "```");
        Snippet block = snippets(md, "docs/bad.md").get(0);
        assertThat(block.firstLine()).isEqualTo(4);
        assertThatThrownBy(() -> run(block, projectTypes(projectRoot()), dir.resolve("out"), TIMEOUT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("docs/bad.md:5: cannot find symbol");
    }

    @Test
    void aBlockThatThrowsFailsWithTheLineOfTheThrow(@TempDir Path dir) throws IOException {
        Path md = write(dir, "text", "```java", "import java.util.concurrent.atomic.AtomicInteger;",
                "var n = new AtomicInteger(1);", "if (n.get() == 1) {", "    throw new IllegalStateException(\"broken example\");", "}", "```");
        assertThatThrownBy(() -> run(snippets(md, "README.md").get(0), Map.of(), dir.resolve("out"), TIMEOUT))
                .hasMessageContaining("failed at README.md:6: java.lang.IllegalStateException: broken example");
    }

    @Test
    void aWholeClassBlockRunsItsMainAndABlockRunsWithTheImportsItShows(@TempDir Path dir) throws IOException {
        Path md = write(dir, "```java", "package demo;", "public class Hello {",
                "    public static void main(String[] args) { if (args.length != 0) throw new AssertionError(); }", "}", "```",
                "```text", "not java", "```", "```java", "import dev.catena.core.components.Component;",
                "Component<String, Integer> length = Component.of(String::length);",
                "if (length.invoke(\"four\") != 4) throw new AssertionError(\"wrong\");", "```");
        List<Snippet> blocks = snippets(md, "docs/x.md");
        assertThat(blocks).extracting(Snippet::firstLine).containsExactly(2, 11);
        run(blocks.get(0), Map.of(), dir.resolve("a"), TIMEOUT);
        run(blocks.get(1), projectTypes(projectRoot()), dir.resolve("b"), TIMEOUT);
    }

    @Test
    void aBlockWithoutItsImportsFailsAndNamesTheLinesToAdd(@TempDir Path dir) throws IOException {
        Path md = write(dir, "```java", "List<String> words = List.of(\"a\");",
                "Component<String, Integer> length = Component.of(String::length);", "```");
        assertThatThrownBy(() -> run(snippets(md, "docs/y.md").get(0), projectTypes(projectRoot()), dir.resolve("out"), TIMEOUT))
                .hasMessageContaining("docs/y.md:3: cannot find symbol")
                .hasMessageContaining("add these imports to the block:\nimport dev.catena.core.components.Component;\nimport java.util.List;");
    }

    @Test
    void aBlockThatNeverEndsTimesOut(@TempDir Path dir) throws IOException {
        Path md = write(dir, "```java", "while (true) { Thread.sleep(10); }", "```");
        assertThatThrownBy(() -> run(snippets(md, "docs/slow.md").get(0), Map.of(), dir.resolve("out"), Duration.ofMillis(500)))
                .hasMessageContaining("docs/slow.md:2 did not finish within");
    }

    private static Path write(Path dir, String... lines) {
        try {
            return Files.write(dir.resolve("doc.md"), List.of(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
