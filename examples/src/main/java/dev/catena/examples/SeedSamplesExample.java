package dev.catena.examples;

import dev.catena.chains.LlmChain;
import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.models.FakeLanguageModel;
import dev.catena.models.HashingEmbeddingModel;
import dev.catena.prompts.PromptTemplate;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.catena.retrieval.splitters.TextChunk;
import dev.catena.retrieval.splitters.TextSplitter;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import dev.catena.retrieval.stores.ScoredDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every code sample of the seed document's LangChain section, in its order, in Java: the LLM call
 * with "你好" (8.1), the two prompt templates (8.2), {@code LLMChain.run("你好")} and the
 * {@code DemoChain} for "天道酬勤" (8.3, from {@link LlmChainExample}), {@code embed_query("你好")},
 * {@code RecursiveCharacterTextSplitter(chunk_size=100, chunk_overlap=0)}, the custom splitter that
 * cuts at line breaks into documents from "知识库.txt", and the FAISS flow (build, save to a folder,
 * load back, search with scores, k=2) with {@link InMemoryVectorStore} (8.4). Models are offline:
 * a scripted text model and the hashing embeddings.
 *
 * <p>Run it from the project folder (it builds what it needs first):
 * <pre>{@code
 * ./mvnw -B -pl examples -am process-classes -Prun -Dexec.mainClass=dev.catena.examples.SeedSamplesExample
 * }</pre>
 */
public final class SeedSamplesExample {

    /** The seed's ChatGLM-6B reply to "你好". */
    static final String HELLO = "你好 ！我是人工智能助手 ChatGLM-6B，很高兴见到你，欢迎问我任何问题。";

    private SeedSamplesExample() {
    }

    /**
     * The seed's custom {@code TextSpliter}: one chunk per line, nothing merged, nothing dropped
     * but the line breaks themselves.
     */
    static final class LineSplitter implements TextSplitter {
        @Override
        public List<TextChunk> chunks(String text) {
            List<TextChunk> out = new ArrayList<>();
            int start = 0;
            for (String line : text.split("\n", -1)) {
                out.add(new TextChunk(line, start));
                start += line.length() + 1;
            }
            return out;
        }
    }

    public static void main(String[] args) throws IOException {
        // 8.1 llm = chatGLM(...); response = llm("你好")
        FakeLanguageModel llm = FakeLanguageModel.of(HELLO, "“你好”是中文里最常用的问候语。", LlmChainExample.TIANDAO);
        System.out.println("8.1 response: " + llm.generate("你好"));

        // 8.2 two templates; the first one's triple-quoted string has line breaks, the second has none
        PromptTemplate english = PromptTemplate.fromTemplate("\nExplain the concept of {concept} in couple of lines\n");
        System.out.println("8.2 prompt=" + quoted(english.format(Map.of("concept", "regularization"))));
        PromptTemplate chinese = PromptTemplate.fromTemplate("请给我解释一下{concept}的意思");
        System.out.println("8.2 prompt=" + quoted(chinese.format(Map.of("concept", "人工智能"))));
        System.out.println("8.2 input variables: " + chinese.inputVariables());

        // 8.3 LLMChain(llm, prompt).run("你好") and the seed's DemoChain, both from LlmChainExample
        LlmChain chain = LlmChain.of(LlmChainExample.PROMPT, llm);
        System.out.println("8.3 chain.run(\"你好\"): " + chain.run("你好"));
        System.out.println("8.3 DemoChain: " + new LlmChainExample.DemoChain(llm, LlmChainExample.PROMPT).invoke("天道酬勤"));

        // 8.4 1) embeddings.embed_query("你好")
        HashingEmbeddingModel embeddings = new HashingEmbeddingModel();
        Embedding query = embeddings.embed("你好");
        double norm = 0;
        for (float v : query.vector()) {
            norm += v * v;
        }
        System.out.printf(Locale.ROOT, "8.4 embed_query: %d dimensions, length %.3f%n", query.dimension(), Math.sqrt(norm));

        // 8.4 2) RecursiveCharacterTextSplitter(chunk_size=100, chunk_overlap=0).create_documents([texts])
        TextSplitter splitter = RecursiveCharacterTextSplitter.builder().chunkSize(100).chunkOverlap(0).build();
        List<Document> chunks = splitter.createDocuments(List.of(TextSplitterExample.PARAGRAPH), null);
        System.out.println("8.4 texts[0].page_content=" + quoted(chunks.get(0).text()));
        for (int i = 1; i < chunks.size(); i++) {
            System.out.println("8.4 texts[" + i + "].page_content=" + quoted(chunks.get(i).text()));
        }

        // 8.4 2) the custom splitter: split("\n") into documents with metadata {"from": "知识库.txt"}
        List<Document> lines = new LineSplitter().createDocuments(List.of(TextSplitterExample.PARAGRAPH),
                List.of(Map.of("from", "知识库.txt")));
        for (Document line : lines) {
            System.out.println("8.4 " + line.metadata() + " " + line.text());
        }

        // 8.4 3) FAISS.from_documents, save_local, load_local, similarity_search_with_score(query, k=2)
        InMemoryVectorStore store = InMemoryVectorStore.create(embeddings);
        store.addDocuments(lines);
        Path vsPath = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("demo-vs");
        store.save(vsPath);
        InMemoryVectorStore loaded = InMemoryVectorStore.load(vsPath, embeddings);
        System.out.println("8.4 saved and loaded " + loaded.size() + " documents");
        for (ScoredDocument hit : loaded.similaritySearchWithScore("勤奋努力的人会获得成功吗", 2, null)) {
            System.out.printf(Locale.ROOT, "8.4 %.3f %s %s%n", hit.score(), hit.document().metadata().get("from"),
                    hit.document().text());
        }
    }

    /** Python's repr-like view: the line breaks a print would hide become visible. */
    static String quoted(String text) {
        return "'" + text.replace("\n", "\\n") + "'";
    }
}
