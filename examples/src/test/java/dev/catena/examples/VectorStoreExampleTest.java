package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorStoreExampleTest {

    @TempDir
    Path dir;

    static List<String> run(ThrowingMain main) throws Exception {
        return output(main).lines().toList();
    }

    /** Everything the main prints to standard output, as one string. */
    static String output(ThrowingMain main) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    void searchesSavesLoadsAndFindsTheSameTwoCatDocuments() throws Exception {
        List<String> lines = run(() -> VectorStoreExample.main(new String[] {dir.toString()}));

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
