package dev.catena.retrieval.splitters;

import dev.catena.core.documents.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts text into chunks small enough to embed or to fit a prompt, as LangChain's
 * {@code TextSplitter}: {@link #splitText}, {@link #createDocuments} and {@link #splitDocuments}.
 *
 * <p>Implementations only have to say how one text is cut ({@link #chunks}); the document methods
 * copy each source's metadata onto its chunks and, when {@link #addStartIndex()} is on, add
 * {@value #START_INDEX} with the chunk's exact offset in the source text.
 *
 * <pre>{@code
 * TextSplitter splitter = RecursiveCharacterTextSplitter.builder().chunkSize(200).chunkOverlap(20).build();
 * List<Document> chunks = splitter.splitDocuments(documents);
 * }</pre>
 */
public interface TextSplitter {

    /** The metadata key holding a chunk's start offset in its source text. */
    String START_INDEX = "start_index";

    /**
     * Cuts a text into chunks, each with its start offset in {@code text}.
     *
     * @param text the text
     * @return the chunks, in order
     */
    List<TextChunk> chunks(String text);

    /**
     * Cuts a text into chunk strings.
     *
     * @param text the text
     * @return the chunks, in order
     */
    default List<String> splitText(String text) {
        List<TextChunk> chunks = chunks(text);
        List<String> out = new ArrayList<>(chunks.size());
        for (TextChunk c : chunks) {
            out.add(c.text());
        }
        return out;
    }

    /** {@return whether {@link #createDocuments} records {@value #START_INDEX}; off unless configured} */
    default boolean addStartIndex() {
        return false;
    }

    /**
     * {@return one document per chunk of each text, carrying a copy of that text's metadata (LangChain's
     * {@code create_documents})}
     *
     * @param texts the texts
     * @param metadatas one map per text, or null for none
     * @throws IllegalArgumentException if {@code metadatas} is not null and has a different size
     */
    default List<Document> createDocuments(List<String> texts, List<Map<String, Object>> metadatas) {
        if (metadatas != null && metadatas.size() != texts.size()) {
            throw new IllegalArgumentException("got " + texts.size() + " texts but " + metadatas.size()
                    + " metadata maps; pass one map per text or null");
        }
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Object> metadata = metadatas == null || metadatas.get(i) == null ? Map.of() : metadatas.get(i);
            for (TextChunk chunk : chunks(texts.get(i))) {
                Document doc = Document.of(chunk.text(), metadata);
                out.add(addStartIndex() ? doc.withMetadata(START_INDEX, chunk.startIndex()) : doc);
            }
        }
        return out;
    }

    /**
     * Splits each document, keeping its metadata on every chunk (LangChain's {@code split_documents}).
     *
     * @param documents the documents
     * @return the chunks as documents, in order
     */
    default List<Document> splitDocuments(List<Document> documents) {
        List<String> texts = new ArrayList<>(documents.size());
        List<Map<String, Object>> metadatas = new ArrayList<>(documents.size());
        for (Document d : documents) {
            texts.add(d.text());
            metadatas.add(d.metadata());
        }
        return createDocuments(texts, metadatas);
    }
}
