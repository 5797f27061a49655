package dev.catena.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptFileSafetyTest {

    @TempDir
    Path dir;

    private Path promptsFolder() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "SECRET {x}");
        return Files.createDirectories(dir.resolve("prompts"));
    }

    @Test
    void templatePathOutsideThePromptFolderIsRefused() throws Exception {
        Path prompts = promptsFolder();
        Path relative = Files.writeString(prompts.resolve("up.yaml"), "_type: prompt\ntemplate_path: ../secret.txt\n");
        assertThatThrownBy(() -> PromptTemplate.load(relative))
                .isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("template_path").hasMessageContaining("outside").hasMessageContaining("up.yaml");
        Path absolute = Files.writeString(prompts.resolve("abs.json"),
                "{\"_type\": \"prompt\", \"template_path\": \"" + dir.resolve("secret.txt").toString().replace("\\", "\\\\") + "\"}");
        assertThatThrownBy(() -> PromptTemplate.load(absolute))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("outside");
        Path sneaky = Files.writeString(prompts.resolve("sneaky.yaml"), "_type: prompt\ntemplate_path: sub/../../secret.txt\n");
        assertThatThrownBy(() -> PromptTemplate.load(sneaky)).isInstanceOf(PromptFormatException.class).hasMessageContaining("outside");

        // The caller may allow a wider root on purpose.
        assertThat(PromptTemplate.load(relative, dir).format(Map.of("x", 1))).isEqualTo("SECRET 1");
        // Files inside the folder still load.
        Files.writeString(prompts.resolve("t.txt"), "Hi {name}");
        Path inside = Files.writeString(prompts.resolve("in.yaml"), "_type: prompt\ntemplate_path: t.txt\n");
        assertThat(PromptTemplate.load(inside).format(Map.of("name", "Ada"))).isEqualTo("Hi Ada");
    }

    @Test
    void aLinkInsideTheFolderThatLeadsOutIsRefused() throws Exception {
        Path prompts = promptsFolder();
        try {
            Files.createSymbolicLink(prompts.resolve("link.txt"), dir.resolve("secret.txt"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("this file system cannot make symbolic links");
        }
        Path file = Files.writeString(prompts.resolve("p.yaml"), "_type: prompt\ntemplate_path: link.txt\n");
        assertThatThrownBy(() -> PromptTemplate.load(file)).isInstanceOf(PromptFormatException.class).hasMessageContaining("outside");
    }

    @Test
    void examplePromptAndExamplesFilesAreConfinedToo() throws Exception {
        Path prompts = promptsFolder();
        Files.writeString(dir.resolve("example.json"), "{\"_type\": \"prompt\", \"template\": \"{a}\"}");
        Files.writeString(dir.resolve("examples.json"), "[{\"a\": \"1\"}]");
        Path viaExamplePrompt = Files.writeString(prompts.resolve("f1.json"), """
                {"_type": "few_shot", "example_prompt_path": "../example.json", "examples": [{"a": "1"}], "suffix": "s"}
                """);
        assertThatThrownBy(() -> PromptTemplate.load(viaExamplePrompt)).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("example_prompt_path").hasMessageContaining("outside");
        Path viaExamples = Files.writeString(prompts.resolve("f2.json"), """
                {"_type": "few_shot", "example_prompt": {"_type": "prompt", "template": "{a}"}, "examples": "../examples.json", "suffix": "s"}
                """);
        assertThatThrownBy(() -> TemplateFiles.load(viaExamples)).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("examples").hasMessageContaining("outside");
        Path prefixPath = Files.writeString(prompts.resolve("f3.json"), """
                {"_type": "few_shot", "example_prompt": {"_type": "prompt", "template": "{a}"}, "examples": [], "prefix_path": "../secret.txt", "suffix": "s"}
                """);
        assertThatThrownBy(() -> TemplateFiles.load(prefixPath)).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("prefix_path").hasMessageContaining("outside");
    }

    @Test
    void aFileThatNamesItselfIsACycleNotAStackOverflow() throws Exception {
        Path self = Files.writeString(dir.resolve("self.json"), """
                {"_type": "few_shot", "example_prompt_path": "self.json", "examples": [], "suffix": "s"}
                """);
        assertThatThrownBy(() -> TemplateFiles.load(self)).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("refers to itself").hasMessageContaining("self.json -> self.json");
        Files.writeString(dir.resolve("a.yaml"), "_type: few_shot\nexample_prompt_path: b.yaml\nexamples: []\nsuffix: s\n");
        Files.writeString(dir.resolve("b.yaml"), "_type: few_shot\nexample_prompt_path: a.yaml\nexamples: []\nsuffix: s\n");
        assertThatThrownBy(() -> TemplateFiles.load(dir.resolve("a.yaml"))).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("a.yaml -> b.yaml -> a.yaml");
    }

    @Test
    void wrongFieldTypesNameTheFileAndTheField() throws Exception {
        Path file = Files.writeString(dir.resolve("p.json"), "{\"_type\": \"prompt\", \"template\": {\"x\": 1}}");
        assertThatThrownBy(() -> PromptTemplate.load(file)).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("p.json").hasMessageContaining("'template' must be a string");
        Path chat = Files.writeString(dir.resolve("c.yaml"), "_type: chat\nmessages:\n  - role: system\n    template: hi\n  - role: 3\n");
        assertThatThrownBy(() -> ChatPromptTemplate.load(chat)).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("c.yaml").hasMessageContaining("messages[1].role");
        Path examples = Files.writeString(dir.resolve("e.json"), """
                {"_type": "few_shot", "example_prompt": {"_type": "prompt", "template": "{a}"}, "examples": [{"a": 1}, 7], "suffix": "s"}
                """);
        assertThatThrownBy(() -> TemplateFiles.load(examples)).isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("e.json").hasMessageContaining("examples[1]");
    }
}
