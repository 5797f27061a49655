package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example's Javadoc says how to run it, and the command works on a fresh clone: it is the
 * README's first command (which builds the modules the examples need before running) with only
 * {@code -Dexec.mainClass=} of that example added. A command without {@code -am} and
 * {@code package} fails on a fresh clone, because the other modules are not in any repository.
 */
class ExampleRunCommandsTest {

    private static final Path ROOT = Path.of(System.getProperty("catena.root", ".."));
    private static final Path EXAMPLES = ROOT.resolve("examples/src/main/java/dev/catena/examples");
    private static final String PACKAGE = "dev.catena.examples.";
    private static final Pattern COMMAND = Pattern.compile("\\./mvnw[^}\\n]*");

    @Test
    void everyExampleSaysHowToRunItWithTheReadmeCommand() throws IOException {
        String readme = readmeCommand(Files.readString(ROOT.resolve("README.md")));
        List<String> examples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                if (source.contains("public static void main(")) {
                    String className = file.getFileName().toString().replace(".java", "");
                    examples.add(className);
                    problems.addAll(problems(className, source, readme));
                }
            }
        }
        assertThat(examples).contains("QuickstartExample", "ChatbotExample", "RetrieverExample");
        assertThat(problems).isEmpty();
    }

    @Test
    void theReadmeCommandIsTheFirstMvnwLineWithoutItsComment() {
        String readme = "# Catena\n\n```bash\n./mvnw -q -B -pl examples -am -DskipTests package exec:java   # run it\n"
                + "./mvnw -B verify\n```\n";

        assertThat(readmeCommand(readme)).isEqualTo("./mvnw -q -B -pl examples -am -DskipTests package exec:java");
    }

    @Test
    void theOldCommandWithoutAmAndPackageIsReported() {
        String source = """
                /**
                 * Hybrid retrieval.
                 *
                 * <p>Run: {@code ./mvnw -q -pl examples exec:java -Dexec.mainClass=dev.catena.examples.RetrieverExample}
                 */
                public final class RetrieverExample {
                """;

        assertThat(problems("RetrieverExample", source, readme()))
                .singleElement().asString()
                .contains("RetrieverExample", "./mvnw -q -pl examples exec:java");
    }

    @Test
    void aCommandNamingAnotherClassIsReported() {
        String source = javadocWith(readme() + " -Dexec.mainClass=dev.catena.examples.QuickstartExample");

        assertThat(problems("ChatbotExample", source, readme())).singleElement().asString()
                .contains("QuickstartExample");
    }

    @Test
    void extraArgumentsOnTheCommandAreReported() {
        String source = javadocWith(readme() + " -Dexec.mainClass=dev.catena.examples.ChatbotExample -Dexec.args=chat.db");

        assertThat(problems("ChatbotExample", source, readme())).singleElement().asString()
                .contains("-Dexec.args=chat.db");
    }

    @Test
    void anExampleWithoutACommandOrWithTwoIsReported() {
        String command = readme() + " -Dexec.mainClass=dev.catena.examples.ChatbotExample";

        assertThat(problems("ChatbotExample", "/** A chatbot. */\npublic final class ChatbotExample {", readme()))
                .singleElement().asString().contains("no run command");
        assertThat(problems("ChatbotExample", javadocWith(command + "\n * " + command), readme()))
                .singleElement().asString().contains("2 run commands");
        assertThat(problems("ChatbotExample", javadocWith(command), readme())).isEmpty();
    }

    /** What is wrong with an example's run command, or nothing. */
    static List<String> problems(String className, String source, String readmeCommand) {
        String expected = readmeCommand + " -Dexec.mainClass=" + PACKAGE + className;
        List<String> commands = new ArrayList<>();
        Matcher m = COMMAND.matcher(source);
        while (m.find()) {
            commands.add(m.group().strip());
        }
        if (commands.isEmpty()) {
            return List.of(className + " has no run command in its Javadoc; add: " + expected);
        }
        if (commands.size() > 1) {
            return List.of(className + " has " + commands.size() + " run commands, expected one: " + commands);
        }
        if (!commands.get(0).equals(expected)) {
            return List.of(className + " says to run it with\n  " + commands.get(0) + "\nbut the README's form is\n  "
                    + expected);
        }
        return List.of();
    }

    /** The first {@code ./mvnw} line of the README, without its trailing comment. */
    static String readmeCommand(String readme) {
        return readme.lines()
                .filter(line -> line.startsWith("./mvnw"))
                .map(line -> line.replaceFirst("\\s+#.*$", "").strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError("README.md has no ./mvnw command"));
    }

    private static String readme() {
        try {
            return readmeCommand(Files.readString(ROOT.resolve("README.md")));
        } catch (IOException e) {
            throw new AssertionError("cannot read README.md", e);
        }
    }

    private static String javadocWith(String command) {
        return "/**\n * An example.\n *\n * <pre>{@code\n * " + command + "\n * }</pre>\n */\npublic final class X {";
    }
}
