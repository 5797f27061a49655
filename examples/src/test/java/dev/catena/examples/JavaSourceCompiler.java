package dev.catena.examples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in-process (javax.tools) against the test classpath into a directory, for
 * the docs-snippet runner and the architecture rule's self-test.
 */
final class JavaSourceCompiler {

    /** A compile error at a line of a source. */
    record Problem(String source, long line, String message) {
    }

    private JavaSourceCompiler() {
    }

    /** The classpath the tests run with (surefire passes it in a property when it uses a manifest-only jar). */
    static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * Compiles sources given as file name (e.g. {@code "dev/x/Foo.java"}) to text into {@code outputDir};
     * returns the errors, empty on success.
     */
    static List<Problem> compile(Map<String, String> sources, Path outputDir) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime; run the tests on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(URI.create("string:///" + name), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", testClasspath() + File.pathSeparator + outputDir,
                    "-d", outputDir.toString(), "-proc:none", "-Xlint:none", "-encoding", "UTF-8");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
            List<Problem> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    String source = d.getSource() == null ? "?" : d.getSource().getName();
                    problems.add(new Problem(source, d.getLineNumber(), d.getMessage(Locale.ROOT)));
                }
            }
            if (!ok && problems.isEmpty()) {
                problems.add(new Problem("?", 0, "compilation failed without a reported error"));
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
