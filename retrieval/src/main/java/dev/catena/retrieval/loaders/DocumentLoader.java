package dev.catena.retrieval.loaders;

import dev.catena.core.documents.Document;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads documents from somewhere (a file, a folder, a page), as LangChain's
 * {@code BaseLoader}. Every document carries a {@value #SOURCE} metadata entry saying where it
 * came from.
 *
 * <p>{@link #lazyLoad()} reads as the stream is consumed, so a folder of many gigabytes is never
 * held in memory; close the stream (try-with-resources) to release open files early.
 *
 * <pre>{@code
 * try (Stream<Document> docs = DirectoryLoader.builder(folder).include("**.md").build().lazyLoad()) {
 *     docs.forEach(doc -> System.out.println(doc.metadata().get("source")));
 * }
 * }</pre>
 */
public interface DocumentLoader {

    /** The metadata key naming where a document came from (a file path or URL). */
    String SOURCE = "source";

    /**
     * {@return the documents, read as the stream is consumed; close it to release files}
     *
     * @throws DocumentLoadException (when consumed) if the source cannot be read
     */
    Stream<Document> lazyLoad();

    /** {@return all documents at once} */
    default List<Document> load() {
        try (Stream<Document> documents = lazyLoad()) {
            return documents.toList();
        }
    }
}
