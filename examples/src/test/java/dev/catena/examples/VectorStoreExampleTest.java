package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorStoreExampleTest {

    @TempDir
    Path dir;

@Test
    void searchesSavesLoadsAndFindsTheSameTwoCatDocuments() throws Exception {
        List<String> lines = ExampleRun.lines(() -> VectorStoreExample.main(new String[] {dir.toString()}));

        int saved = lines.indexOf(lines.stream().filter(l -> l.startsWith("Saved 4 documents")).findFirst().orElseThrow());
        List<String> before = lines.subList(1, saved);
        assertThat(before).hasSize(2);
        assertThat(before.get(0)).contains("[1] The cat sat on the mat");
        assertThat(before.get(1)).contains("[2] A kitten purred");
        assertThat(lines.get(saved + 1)).isEqualTo("Loaded 4 documents; same search:");
        assertThat(lines.subList(saved + 2, saved + 4)).isEqualTo(before);
        assertThat(lines.get(saved + 4)).isEqualTo("Only topic = economy:");
        assertThat(lines.subList(saved + 5, lines.size())).singleElement().asString().contains("[3] The central bank");
        assertThat(Files.list(dir)).extracting(p -> p.getFileName().toString()).containsExactly("vectors.catena");
    }
}
