package dev.catena.prompts.parsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record in a named module that does not open its package to Jackson: binding to it is a
 * configuration error that names the {@code opens} line to add, never an error that blames the
 * model's (valid) output. The module is compiled here and defined in a module layer of its own.
 */
class BeanOutputParserModuleTest {

    @Test
    void aRecordInAModuleThatDoesNotOpenItsPackageNamesTheOpensToAdd(@TempDir Path dir) throws Exception {
        Class<?> closed = compileModule(dir, "module app.answers { }");

        BeanOutputParser<?> parser = BeanOutputParser.of(closed);

        assertThatThrownBy(() -> parser.parse("{\"name\": \"chain\"}"))
                .isInstanceOf(OutputParserConfigurationException.class)
                .hasMessageContaining("module app.answers does not open package app.answers.model to Jackson")
                .hasMessageContaining("add 'opens app.answers.model to com.fasterxml.jackson.databind;'");
    }

    @Test
    void theSameRecordBindsWhenItsPackageIsOpen(@TempDir Path dir) throws Exception {
        Class<?> open = compileModule(dir, "module app.answers { opens app.answers.model; }");

        Object concept = BeanOutputParser.of(open).parse("{\"name\": \"chain\"}");

        assertThat(concept.toString()).isEqualTo("Concept[name=chain]");
    }

    private static Class<?> compileModule(Path dir, String moduleInfo) throws IOException, ClassNotFoundException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("out");
        Files.createDirectories(src.resolve("app/answers/model"));
        Files.writeString(src.resolve("module-info.java"), moduleInfo);
        Files.writeString(src.resolve("app/answers/model/Concept.java"),
                "package app.answers.model; public record Concept(String name) { }");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", out.toString(),
                src.resolve("module-info.java").toString(), src.resolve("app/answers/model/Concept.java").toString());
        assertThat(status).as("the test module compiles").isZero();
        ModuleLayer boot = ModuleLayer.boot();
        Configuration config = boot.configuration().resolve(ModuleFinder.of(out), ModuleFinder.of(), Set.of("app.answers"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(config, ClassLoader.getSystemClassLoader());
        Class<?> type = layer.findLoader("app.answers").loadClass("app.answers.model.Concept");
        assertThat(type.getModule().getName()).isEqualTo("app.answers");
        assertThat(List.of(type.getRecordComponents())).hasSize(1);
        return type;
    }
}
