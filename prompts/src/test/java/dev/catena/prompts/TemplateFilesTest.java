package dev.catena.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.messages.ChatMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateFilesTest {

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsJsonAndYaml() throws Exception {
        PromptTemplate p = PromptTemplate.fromTemplate("请给我解释一下{concept}的意思\n{{literal}}");
        for (String name : List.of("p.json", "p.yaml", "p.yml")) {
            Path file = dir.resolve(name);
            p.save(file);
            PromptTemplate loaded = PromptTemplate.load(file);
            assertThat(loaded).isEqualTo(p);
            assertThat(loaded.format(Map.of("concept", "人工智能"))).isEqualTo("请给我解释一下人工智能的意思\n{literal}");
        }
        assertThat(Files.readString(dir.resolve("p.json"))).contains("\"_type\" : \"prompt\"", "\"template_format\" : \"f-string\"");
        assertThat(Files.readString(dir.resolve("p.yaml"))).contains("_type: prompt");
    }

    @Test
    void loadsLangChainFilesWithTemplatePath() throws Exception {
        Files.writeString(dir.resolve("template.txt"), "Tell me a {adjective} joke about {content}.");
        Files.writeString(dir.resolve("prompt.yaml"), """
                _type: prompt
                input_variables: ["adjective", "content"]
                template_path: template.txt
                """);
        PromptTemplate p = PromptTemplate.load(dir.resolve("prompt.yaml"));
        assertThat(p.inputVariables()).containsExactly("adjective", "content");
        assertThat(p.format(Map.of("adjective", "funny", "content", "chickens"))).isEqualTo("Tell me a funny joke about chickens.");
    }

    @Test
    void fewShotWithExamplesFileAndRoundTrip() throws Exception {
        Files.writeString(dir.resolve("examples.json"), "[{\"input\": \"happy\", \"output\": \"sad\"}, {\"input\": \"tall\", \"output\": \"short\"}]");
        Files.writeString(dir.resolve("few_shot.json"), """
                {"_type": "few_shot", "input_variables": ["adjective"],
                 "prefix": "Write antonyms for the following words.",
                 "example_prompt": {"_type": "prompt", "input_variables": ["input", "output"], "template": "Input: {input}\\nOutput: {output}"},
                 "examples": "examples.json",
                 "suffix": "Input: {adjective}\\nOutput:"}
                """);
        Object loaded = TemplateFiles.load(dir.resolve("few_shot.json"));
        assertThat(loaded).isInstanceOf(FewShotPromptTemplate.class);
        FewShotPromptTemplate f = (FewShotPromptTemplate) loaded;
        String expected = "Write antonyms for the following words.\n\nInput: happy\nOutput: sad\n\nInput: tall\nOutput: short\n\nInput: funny\nOutput:";
        assertThat(f.format(Map.of("adjective", "funny"))).isEqualTo(expected);
        TemplateFiles.save(f, dir.resolve("again.yaml"));
        assertThat(((FewShotPromptTemplate) TemplateFiles.load(dir.resolve("again.yaml"))).format(Map.of("adjective", "funny")))
                .isEqualTo(expected);
    }

    @Test
    void chatPromptsRoundTrip() {
        ChatPromptTemplate chat = ChatPromptTemplate.fromMessages(MessageTemplate.system("Speak {language}."),
                MessagePart.of(ChatMessage.ai("Ready.")), MessagesPlaceholder.optional("history"), MessageTemplate.user("{q}"));
        chat.save(dir.resolve("chat.yaml"));
        ChatPromptTemplate loaded = ChatPromptTemplate.load(dir.resolve("chat.yaml"));
        Map<String, Object> vars = Map.of("language", "French", "q", "Bonjour", "history", List.of(ChatMessage.user("Salut")));
        assertThat(loaded.formatMessages(vars)).isEqualTo(chat.formatMessages(vars));
        assertThat(loaded.inputVariables()).containsExactly("language", "q");
    }

    @Test
    void refusesWhatCannotBeSavedOrRead() throws Exception {
        assertThatThrownBy(() -> PromptTemplate.fromTemplate("{a}{b}").partial("a", 1).save(dir.resolve("x.json")))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("partial variables");
        assertThatThrownBy(() -> PromptTemplate.fromTemplate("x").save(dir.resolve("x.txt")))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining(".json, .yaml or .yml");
        Files.writeString(dir.resolve("bad.json"), "{\"_type\": \"prompt\", \"template\": \"{oops\"}");
        assertThatThrownBy(() -> PromptTemplate.load(dir.resolve("bad.json")))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> PromptTemplate.load(dir.resolve("missing.json")))
                .isInstanceOf(PromptFormatException.class).hasMessageContaining("could not read");
    }
}
