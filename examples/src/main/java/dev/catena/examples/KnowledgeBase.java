package dev.catena.examples;

import dev.catena.core.documents.Document;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.retrieval.loaders.DirectoryLoader;
import dev.catena.retrieval.splitters.RecursiveCharacterTextSplitter;
import dev.catena.retrieval.splitters.SeparatorPreset;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The small Chinese and English knowledge base the examples ship (Markdown and text about chains,
 * prompts, retrieval, memory and agents), and the ingestion the question-answering examples share:
 * load the folder, split with the Chinese preset, embed, store, save and load back.
 */
final class KnowledgeBase {

    private KnowledgeBase() {
    }

    /** The bundled folder, read from the classpath (a folder when run from the build, a jar entry otherwise). */
    static Path folder() {
        URL url = KnowledgeBase.class.getResource("/knowledge-base");
        if (url == null) {
            throw new IllegalStateException("the knowledge-base folder is missing from the classpath; rebuild the examples");
        }
        try {
            try {
                return Path.of(url.toURI());
            } catch (FileSystemNotFoundException inJar) {
                return FileSystems.newFileSystem(url.toURI(), Map.of()).getPath("/knowledge-base");
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the knowledge base at " + url, e);
        }
    }

    /** Loads the folder and splits it into chunks of at most 300 characters with the Chinese separators. */
    static List<Document> chunks(Path folder) {
        List<Document> documents = DirectoryLoader.builder(folder).build().load();
        return RecursiveCharacterTextSplitter.builder().preset(SeparatorPreset.CHINESE).chunkSize(300).chunkOverlap(0)
                .build().splitDocuments(documents);
    }

    /**
     * Embeds the chunks into an in-memory store, saves it to {@code index} and loads it back (as the
     * seed's FAISS {@code save_local} / {@code load_local}), returning the loaded store.
     */
    static InMemoryVectorStore indexed(List<Document> chunks, EmbeddingModel embeddings, Path index) {
        InMemoryVectorStore store = InMemoryVectorStore.create(embeddings);
        store.addDocuments(chunks);
        store.save(index);
        return InMemoryVectorStore.load(index, embeddings);
    }

    /** A file name for a document's source, for printing. */
    static String sourceName(Document document) {
        Object source = document.metadata().get("source");
        return source == null ? "(unknown)" : Path.of(source.toString()).getFileName().toString();
    }

    /** A fresh temporary folder for a saved index. */
    static Path temporaryIndexFolder() {
        try {
            return Files.createTempDirectory("catena-index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
