package dev.catena.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module dependency rule of ARCHITECTURE.md, checked on the compiled main code of every module:
 * core depends on nothing of ours; models and prompts on core; memory and retrieval on core and
 * prompts; chains on core, prompts, memory and retrieval; agents on core, prompts and chains; evaluation on core, prompts, chains and agents. And no
 * module reaches into another's {@code ..internal..} packages. (Examples may use everything.) Inside
 * core, the rooms build on each other in one direction: messages, then components, then documents,
 * tools and history, then models, then the JSON forms and tracers.
 */
class ArchitectureTest {

    private static JavaClasses mainCode;

    /**
     * Imports the compiled main code of every module of the project from its {@code target/classes},
     * so a module needs no dependency from examples to be checked (examples stays light to run).
     */
    @BeforeAll
    static void importMainCode() throws IOException {
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> modules = Files.list(DocsSnippetsTest.projectRoot())) {
            modules.map(m -> m.resolve("target/classes")).filter(Files::isDirectory).sorted().forEach(classes::add);
        }
        mainCode = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(classes);
    }

    static ArchRule moduleDependencies() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true) // modules without code yet are fine
                .layer("core").definedBy("dev.catena.core..")
                .layer("models").definedBy("dev.catena.models..")
                .layer("prompts").definedBy("dev.catena.prompts..")
                .layer("memory").definedBy("dev.catena.memory..")
                .layer("retrieval").definedBy("dev.catena.retrieval..")
                .layer("chains").definedBy("dev.catena.chains..")
                .layer("agents").definedBy("dev.catena.agents..")
                .layer("evaluation").definedBy("dev.catena.evaluation..")
                .layer("traceviewer").definedBy("dev.catena.traceviewer..")
                .layer("opentelemetry").definedBy("dev.catena.opentelemetry..")
                .whereLayer("core").mayNotAccessAnyLayer()
                .whereLayer("models").mayOnlyAccessLayers("core")
                .whereLayer("prompts").mayOnlyAccessLayers("core")
                .whereLayer("memory").mayOnlyAccessLayers("core", "prompts")
                .whereLayer("retrieval").mayOnlyAccessLayers("core", "prompts")
                .whereLayer("chains").mayOnlyAccessLayers("core", "prompts", "memory", "retrieval")
                .whereLayer("agents").mayOnlyAccessLayers("core", "prompts", "chains")
                .whereLayer("evaluation").mayOnlyAccessLayers("core", "prompts", "chains", "agents")
                .whereLayer("traceviewer").mayOnlyAccessLayers("core")
                .whereLayer("opentelemetry").mayOnlyAccessLayers("core");
    }

    static ArchRule coreRooms() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("exceptions").definedBy("dev.catena.core")
                .layer("messages").definedBy("dev.catena.core.messages..")
                .layer("components").definedBy("dev.catena.core.components..")
                .layer("documents").definedBy("dev.catena.core.documents..")
                .layer("tools").definedBy("dev.catena.core.tools..")
                .layer("history").definedBy("dev.catena.core.history..")
                .layer("models").definedBy("dev.catena.core.models..")
                .layer("json").definedBy("dev.catena.core.json..")
                .layer("tracing").definedBy("dev.catena.core.tracing..")
                .layer("vector").definedBy("dev.catena.core.vector..", "dev.catena.core.text..")
                .whereLayer("messages").mayOnlyAccessLayers("exceptions")
                .whereLayer("components").mayOnlyAccessLayers("exceptions", "messages")
                .whereLayer("documents").mayOnlyAccessLayers("exceptions", "messages", "components")
                .whereLayer("tools").mayOnlyAccessLayers("exceptions", "messages", "components")
                .whereLayer("history").mayOnlyAccessLayers("exceptions", "messages", "components")
                .whereLayer("models").mayOnlyAccessLayers("exceptions", "messages", "components", "tools")
                .whereLayer("json").mayOnlyAccessLayers("exceptions", "messages", "components", "tools", "models", "documents")
                .whereLayer("vector").mayNotAccessAnyLayer()
                .whereLayer("exceptions").mayNotAccessAnyLayer();
    }

    static ArchRule noReachingIntoAnotherModulesInternals() {
        return classes().that().resideInAPackage("dev.catena..")
                .should(new ArchCondition<JavaClass>("not use another module's ..internal.. packages") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            String target = d.getTargetClass().getPackageName();
                            if (isInternal(target) && target.startsWith("dev.catena.")
                                    && !module(target).equals(module(origin.getPackageName()))) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                });
    }

    static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }

    /** The module of a package: "models" for dev.catena.models.openai.internal. */
    static String module(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    @Test
    void theMainCodeOfEveryCompiledModuleWasImported() throws IOException {
        assertThat(mainCode.contain("dev.catena.core.components.Component")).isTrue();
        assertThat(mainCode.contain("dev.catena.models.FakeChatModel")).isTrue();
        assertThat(mainCode.contain("dev.catena.examples.QuickstartExample")).isTrue();
        // A build of part of the project (-pl examples -am) compiles only some modules; the full build compiles all.
        try (Stream<Path> modules = Files.list(DocsSnippetsTest.projectRoot())) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("target/classes/dev"))).toList()) {
                String folder = "/" + module.getFileName() + "/target/classes/";
                assertThat(mainCode.stream().anyMatch(c -> c.getSource()
                        .map(source -> source.getUri().toString().contains(folder)).orElse(false)))
                        .as("classes of %s imported", module.getFileName()).isTrue();
            }
        }
    }

    @Test
    void modulesDependOnlyAsTheArchitectureAllows() {
        moduleDependencies().check(mainCode);
    }

    @Test
    void coreRoomsBuildOnEachOtherInOneDirection() {
        coreRooms().check(mainCode);
    }

    @Test
    void coreRoomsCatchAMessageThatReachesUpIntoComponents(@TempDir Path dir) {
        JavaClasses bad = compileAndImport(dir, Map.of("dev/catena/core/messages/BadMessage.java", """
                package dev.catena.core.messages;
                public class BadMessage {
                    public Object config() { return dev.catena.core.components.RunConfig.defaults(); }
                }
                """));

        EvaluationResult result = coreRooms().evaluate(bad);

        assertThat(result.getFailureReport().toString())
                .contains("dev.catena.core.messages.BadMessage").contains("dev.catena.core.components.RunConfig");
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        noReachingIntoAnotherModulesInternals().check(mainCode);
    }

    // --- the rules must catch violations: classes that break them, compiled here ---

    private static JavaClasses compileAndImport(Path dir, Map<String, String> sources) {
        assertThat(JavaSourceCompiler.compile(sources, dir)).as("fixture sources compile").isEmpty();
        return new ClassFileImporter().importPath(dir);
    }

    @Test
    void coreImportingModelsBreaksTheRule(@TempDir Path dir) {
        JavaClasses bad = compileAndImport(dir, Map.of("dev/catena/core/bad/CoreUsesModels.java", """
                package dev.catena.core.bad;
                public class CoreUsesModels {
                    public Object model() { return dev.catena.models.FakeChatModel.of("hi"); }
                }
                """));

        EvaluationResult result = moduleDependencies().evaluate(bad);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("dev.catena.core.bad.CoreUsesModels")
                .contains("dev.catena.models.FakeChatModel");
    }

    @Test
    void agentsUsingMemoryDirectlyBreaksTheRuleButUsingChainsDoesNot(@TempDir Path dir) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("dev/catena/memory/bad/Store.java", "package dev.catena.memory.bad; public class Store { }");
        sources.put("dev/catena/chains/bad/Chain.java", "package dev.catena.chains.bad; public class Chain { }");
        sources.put("dev/catena/agents/bad/Agent.java", """
                package dev.catena.agents.bad;
                public class Agent {
                    dev.catena.chains.bad.Chain chain = new dev.catena.chains.bad.Chain();
                    dev.catena.memory.bad.Store store = new dev.catena.memory.bad.Store();
                }
                """);
        EvaluationResult result = moduleDependencies().evaluate(compileAndImport(dir, sources));

        String report = result.getFailureReport().toString();
        assertThat(report).contains("dev.catena.memory.bad.Store").doesNotContain("<dev.catena.chains.bad.Chain>");
    }

    @Test
    void reachingIntoAnotherModulesInternalPackageBreaksTheRule(@TempDir Path dir) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("dev/catena/models/internal/Wire.java", "package dev.catena.models.internal; public class Wire { }");
        sources.put("dev/catena/models/UsesOwnInternal.java",
                "package dev.catena.models; public class UsesOwnInternal { dev.catena.models.internal.Wire w; }");
        sources.put("dev/catena/prompts/ReachesIn.java",
                "package dev.catena.prompts; public class ReachesIn { dev.catena.models.internal.Wire w; }");

        EvaluationResult result = noReachingIntoAnotherModulesInternals().evaluate(compileAndImport(dir, sources));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("dev.catena.prompts.ReachesIn").contains("dev.catena.models.internal.Wire"));
    }
}
