package dev.catena.retrieval.splitters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Text without separators is cut into characters while merging, not all at once: 50 MB of it
 * splits in a child JVM whose heap holds the text and its chunks but not one piece record per
 * character; and the chunks are those of cutting every character first, which the character
 * splitter (cut at "" and merged in one go) still does.
 */
class CharacterSplitMemoryTest {

    @Test
    void fiftyMegabytesWithoutSeparatorsSplitInAHeapProportionalToTheOutput() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        // 50,000,000 characters, chunks of 4000 starting every 3800 (overlap 200)
        assertThat(out).as(out).contains("chunks: 13158, first 4000, last starts at 49996600");
    }

    @RepeatedTest(30)
    void chunksEqualThoseOfCuttingEveryCharacterFirst(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        StringBuilder text = new StringBuilder();
        String alphabet = "ab天道😀é\t";
        int length = random.nextInt(3000);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        int size = 1 + random.nextInt(60);
        int overlap = random.nextInt(size + 1);
        boolean strip = random.nextBoolean();
        List<TextChunk> recursive = RecursiveCharacterTextSplitter.builder().separators(List.of("")).chunkSize(size)
                .chunkOverlap(overlap).stripWhitespace(strip).build().chunks(text.toString());
        List<TextChunk> whole = CharacterTextSplitter.builder().separator("").chunkSize(size).chunkOverlap(overlap)
                .stripWhitespace(strip).build().chunks(text.toString());
        assertThat(recursive).isEqualTo(whole);
    }

    /** Runs in the child JVM with a 320 MB heap: the 50 MB text and its chunks fit, 16 bytes per character do not. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) {
            String text = "x".repeat(50_000_000);
            List<TextChunk> chunks = RecursiveCharacterTextSplitter.builder().chunkSize(4000).chunkOverlap(200).build()
                    .chunks(text);
            System.out.println("chunks: " + chunks.size() + ", first " + chunks.get(0).text().length()
                    + ", last starts at " + chunks.get(chunks.size() - 1).startIndex());
        }
    }
}
