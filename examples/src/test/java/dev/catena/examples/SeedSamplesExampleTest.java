package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catena.models.HashingEmbeddingModel;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedSamplesExampleTest {

    @Test
    void printsEverySeedSampleInOrder(@TempDir Path folder) throws Exception {
        Path vsPath = folder.resolve("demo-vs");
        List<String> lines = ExampleRun.lines(() -> SeedSamplesExample.main(new String[] {vsPath.toString()}));

        assertThat(lines.subList(0, 15)).containsExactly(
                "8.1 response: 你好 ！我是人工智能助手 ChatGLM-6B，很高兴见到你，欢迎问我任何问题。",
                // the triple-quoted template has its line breaks; the one-line template has none,
                // although the seed's comment shows '\n请给我解释一下人工智能的意思\n'
                "8.2 prompt='\\nExplain the concept of regularization in couple of lines\\n'",
                "8.2 prompt='请给我解释一下人工智能的意思'",
                "8.2 input variables: [concept]",
                "8.3 chain.run(\"你好\"): “你好”是中文里最常用的问候语。",
                "query=天道酬勤  ->prompt=请给我解释一下天道酬勤的意思",
                "8.3 DemoChain: 天道酬勤是指自然界的规律认为只要一个人勤奋努力，就有可能会获得成功。",
                "8.4 embed_query: 384 dimensions, length 1.000",
                // chunk_size=100: the first three lines (94 characters) fit, the fourth would not
                "8.4 texts[0].page_content='天道酬勤”并不是鼓励人们不劳而获，而是提醒人们要遵循自然规律，通过不断的努力和付出来追求自己的目标。"
                        + "\\n这种努力不仅仅是指身体上的劳动，\\n也包括精神上的努力和思考，以及学习和适应变化的能力。'",
                "8.4 texts[1].page_content='只要一个人具备这些能力，他就有可能会获得成功。'",
                "8.4 {from=知识库.txt} 天道酬勤”并不是鼓励人们不劳而获，而是提醒人们要遵循自然规律，通过不断的努力和付出来追求自己的目标。",
                "8.4 {from=知识库.txt} 这种努力不仅仅是指身体上的劳动，",
                "8.4 {from=知识库.txt} 也包括精神上的努力和思考，以及学习和适应变化的能力。",
                "8.4 {from=知识库.txt} 只要一个人具备这些能力，他就有可能会获得成功。",
                "8.4 saved and loaded 4 documents");
        // k=2, best first, metadata kept through save and load
        List<String> hits = lines.subList(15, lines.size());
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0)).matches("8\\.4 0\\.\\d{3} 知识库\\.txt 只要一个人具备这些能力，他就有可能会获得成功。");
        assertThat(hits.get(1)).startsWith("8.4 0.").contains("知识库.txt");
        assertThat(Double.parseDouble(hits.get(0).split(" ")[1])).isGreaterThan(Double.parseDouble(hits.get(1).split(" ")[1]));
        // the folder really holds the store: loading it again gives the same documents
        assertThat(Files.isDirectory(vsPath)).isTrue();
        assertThat(InMemoryVectorStore.load(vsPath, new HashingEmbeddingModel()).size()).isEqualTo(4);
    }

    @Test
    void theLineSplitterKeepsEveryLineAndItsOffset() {
        var chunks = new SeedSamplesExample.LineSplitter().chunks("a\n\nbc\n");
        assertThat(chunks).extracting(c -> c.text() + "@" + c.startIndex()).containsExactly("a@0", "@2", "bc@3", "@6");
    }
}
