package dev.catena.retrieval.loaders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated damage to valid JSON and JSON Lines files (flipped, inserted, deleted and duplicated
 * bytes, truncation, invalid UTF-8): every file either loads or fails with a
 * {@link DocumentLoadException}, never another exception.
 */
class JsonLoaderMutationTest {

    private static final String JSON = "{\"messages\": [{\"content\": \"héllo 你好\", \"sender\": {\"name\": \"Ann\"}, \"n\": 1.5e3},"
            + " {\"content\": [1, true, null], \"sender\": {\"name\": \"Bo\"}, \"tags\": [\"a\", \"b\"]}]}";
    private static final String JSONL = "{\"content\": \"first 一\", \"sender\": {\"name\": \"Ann\"}}\n"
            + "{\"content\": \"second\", \"sender\": {\"name\": \"Bo\"}, \"x\": [1, {\"y\": 2}]}\n\n"
            + "{\"content\": {\"nested\": \"value\"}, \"sender\": null}\n";

    @TempDir
    Path dir;

    @Test
    void damagedFilesFailOnlyWithDocumentLoadException() throws Exception {
        Random random = new Random(11);
        List<String> unexpected = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            boolean lines = i % 2 == 1;
            byte[] damaged = mutate((lines ? JSONL : JSON).getBytes(StandardCharsets.UTF_8), random);
            Path file = dir.resolve("f" + i + (lines ? ".jsonl" : ".json"));
            Files.write(file, damaged);
            JsonLoader.Builder b = JsonLoader.builder(file).text("/content").metadata("author", "/sender/name");
            if (!lines) {
                b.records("/messages");
            }
            try {
                b.build().load();
            } catch (DocumentLoadException expected) {
                assertThat(expected.getMessage()).contains(file.toString());
            } catch (RuntimeException | Error e) {
                unexpected.add(file.getFileName() + ": " + e);
            }
        }
        assertThat(unexpected).isEmpty();
    }

    private static byte[] mutate(byte[] bytes, Random random) {
        byte[] out = bytes;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(6)) {
                case 0 -> out[at] = (byte) random.nextInt(256); // any byte, often invalid UTF-8
                case 1 -> out = Arrays.copyOf(out, at); // truncated
                case 2 -> out = splice(out, at, new byte[] {(byte) "{}[]\",:\\ 0e-".charAt(random.nextInt(12))}, 0);
                case 3 -> out = splice(out, at, new byte[0], Math.min(out.length - at, 1 + random.nextInt(8)));
                case 4 -> out = splice(out, at, Arrays.copyOfRange(out, at, Math.min(out.length, at + 12)), 0);
                default -> out = splice(out, at, new byte[] {(byte) 0xC3, (byte) 0x28}, 0); // invalid UTF-8 pair
            }
        }
        return out;
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert, int delete) {
        byte[] out = new byte[bytes.length - delete + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + delete, out, at + insert.length, bytes.length - at - delete);
        return out;
    }
}
