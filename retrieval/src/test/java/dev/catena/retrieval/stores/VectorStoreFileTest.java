package dev.catena.retrieval.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.documents.Document;
import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorStoreFileTest {

    private final HashingEmbeddingModel model = new HashingEmbeddingModel(64);

    @TempDir
    Path dir;

    @Test
    void saveAndLoadRoundTripKeepsIdsTextTypedMetadataVectorsAndDistance() throws IOException {
        InMemoryVectorStore store = InMemoryVectorStore.create(model, Distance.EUCLIDEAN);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", "notes.txt");
        metadata.put("page", 3);
        metadata.put("offset", 12345678901L);
        metadata.put("weight", 0.25);
        metadata.put("draft", false);
        metadata.put("ratio", 0.5f);
        metadata.put("tags", List.of("a", 2));
        metadata.put("nested", Map.of("k", "v"));
        store.addDocuments(List.of(new Document("one", "天道酬勤 — hard work pays", metadata),
                Document.of("second document"), Document.of("third")));
        store.delete(List.of(store.similaritySearch("third", 1).get(0).id()));

        store.save(dir.resolve("index"));
        InMemoryVectorStore loaded = InMemoryVectorStore.load(dir.resolve("index"), model);

        assertThat(loaded.distance()).isEqualTo(Distance.EUCLIDEAN);
        assertThat(loaded.size()).isEqualTo(2);
        assertThat(loaded.dimension()).isEqualTo(64);
        assertThat(loaded.get("one")).get().isEqualTo(store.get("one").get());
        assertThat(loaded.get("one").get().metadata()).isEqualTo(metadata);
        assertThat(loaded.get("one").get().metadata().get("page")).isInstanceOf(Integer.class);
        assertThat(loaded.get("one").get().metadata().get("ratio")).isInstanceOf(Float.class);
        List<ScoredDocument> before = store.similaritySearchWithScore("hard work", 2, null);
        List<ScoredDocument> after = loaded.similaritySearchWithScore("hard work", 2, null);
        assertThat(after).isEqualTo(before);
        assertThat(dir.resolve("index")).isDirectoryContaining(p -> p.getFileName().toString().equals("vectors.catena"));
        try (var files = Files.list(dir.resolve("index"))) {
            assertThat(files.count()).as("no temporary file left behind").isEqualTo(1);
        }
    }

    @Test
    void emptyStoreRoundTrips() {
        InMemoryVectorStore.create(model).save(dir);
        InMemoryVectorStore loaded = InMemoryVectorStore.load(dir, model);
        assertThat(loaded.size()).isZero();
        loaded.addDocuments(List.of(Document.of("now it has one")));
        assertThat(loaded.similaritySearch("one", 1)).hasSize(1);
    }

    @Test
    void truncatedFileFailsWithAClearError() throws IOException {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addDocuments(List.of(Document.of("alpha"), Document.of("beta"), Document.of("gamma")));
        store.save(dir);
        Path file = dir.resolve("vectors.catena");
        byte[] bytes = Files.readAllBytes(file);
        for (int cut : new int[] {bytes.length - 1, bytes.length - 9, bytes.length / 2, 30, 10}) {
            Files.write(file, Arrays.copyOf(bytes, cut));
            assertThatThrownBy(() -> InMemoryVectorStore.load(dir, model)).as("cut at " + cut)
                    .isInstanceOf(VectorStoreFormatException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageMatching("(?s).*(truncated|corrupted).*");
        }
    }

    @Test
    void flippedByteIsCaughtByTheChecksum() throws IOException {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addDocuments(List.of(Document.of("alpha"), Document.of("beta")));
        store.save(dir);
        Path file = dir.resolve("vectors.catena");
        byte[] bytes = Files.readAllBytes(file);
        bytes[40] ^= 0x10; // inside the vector block
        Files.write(file, bytes);
        assertThatThrownBy(() -> InMemoryVectorStore.load(dir, model))
                .isInstanceOf(VectorStoreFormatException.class).hasMessageContaining("checksum");
    }

    @Test
    void foreignOrMissingFileFailsWithAClearError() throws IOException {
        Files.writeString(dir.resolve("vectors.catena"), "{\"this\": \"is json\"}");
        assertThatThrownBy(() -> InMemoryVectorStore.load(dir, model))
                .isInstanceOf(VectorStoreFormatException.class).hasMessageContaining("is not a saved Catena vector store");
        assertThatThrownBy(() -> InMemoryVectorStore.load(dir.resolve("nowhere"), model))
                .isInstanceOf(VectorStoreFormatException.class).hasMessageContaining("no saved vector store");
    }

    @Test
    void newerFormatVersionIsRejected() throws IOException {
        InMemoryVectorStore.create(model).save(dir);
        Path file = dir.resolve("vectors.catena");
        byte[] bytes = Files.readAllBytes(file);
        bytes[11] = 9; // the low byte of the big-endian version after the 8-byte magic
        Files.write(file, bytes);
        assertThatThrownBy(() -> InMemoryVectorStore.load(dir, model)).hasMessageContaining("format version 9");
    }

    @Test
    void aSaveThatFailsHalfwayLeavesThePreviousSaveIntact() throws IOException {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addDocuments(List.of(Document.of("kept")));
        store.save(dir);
        byte[] before = Files.readAllBytes(dir.resolve("vectors.catena"));

        // The vectors are written before this document's unsupported metadata fails the save.
        store.addDocuments(List.of(Document.of("bad", Map.of("when", new Object()))));
        assertThatThrownBy(() -> store.save(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata 'when'").hasMessageContaining("cannot be saved");

        assertThat(Files.readAllBytes(dir.resolve("vectors.catena"))).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.count()).as("temporary file removed").isEqualTo(1);
        }
        assertThat(InMemoryVectorStore.load(dir, model).similaritySearch("kept", 5)).extracting(Document::text).containsExactly("kept");
    }

    @Test
    void saveAndLoadRemoveTheTemporaryFilesACrashedSaveLeftButNotOneBeingWritten() throws Exception {
        InMemoryVectorStore store = InMemoryVectorStore.create(model);
        store.addDocuments(List.of(Document.of("alpha")));
        store.save(dir);
        // what a save killed before its rename leaves: partial files nobody holds a lock on
        Path crashed1 = Files.write(dir.resolve("vectors.catena.4711.tmp"), new byte[4096]);
        Path crashed2 = Files.write(dir.resolve("vectors.catena.815.tmp"), new byte[] {1, 2, 3});
        Path unrelated = Files.writeString(dir.resolve("notes.tmp"), "not the store's");
        Path inProgress = Files.write(dir.resolve("vectors.catena.99.tmp"), new byte[16]);
        try (FileChannel writer = FileChannel.open(inProgress, StandardOpenOption.WRITE); FileLock lock = writer.lock()) {
            InMemoryVectorStore.load(dir, model);
            assertThat(crashed1).doesNotExist();
            assertThat(crashed2).doesNotExist();
            assertThat(inProgress).exists();
            assertThat(unrelated).exists();

            Path again = Files.write(dir.resolve("vectors.catena.4712.tmp"), new byte[8]);
            store.save(dir);
            assertThat(again).doesNotExist();
            assertThat(inProgress).exists();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("vectors.catena", "vectors.catena.99.tmp", "notes.tmp");
        }
    }
}
