package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentQaExampleTest {

    @Test
    void answersWithSourcesDropsWhatDoesNotFitAndStreams() throws Exception {
        List<String> lines = ExampleRun.lines(() -> DocumentQaExample.main(new String[0]));

        assertThat(lines.get(0)).isEqualTo("Prompts: [stuff]");
        String answer = "Answer: From the retrieved context: Documents are loaded, split into chunks by a text splitter, "
                + "embedded into vectors by an embedding model and stored in a vector store.";
        assertThat(lines.get(1)).isEqualTo(answer);
        assertThat(lines.get(2)).startsWith("Sources: [retrieval.md, ");
        assertThat(lines.get(3)).isEqualTo("Dropped: []");
        // The small window keeps the best-ranked chunks and lists the rest, in rank order.
        assertThat(lines.get(4)).isEqualTo(answer);
        List<String> all = List.of(lines.get(2).replaceAll("Sources: \\[|]", "").split(", "));
        List<String> kept = List.of(lines.get(5).replaceAll("Sources: \\[|]", "").split(", "));
        List<String> dropped = List.of(lines.get(6).replaceAll("Dropped: \\[|]", "").split(", "));
        assertThat(kept).isNotEmpty();
        assertThat(dropped).isNotEmpty();
        assertThat(all).isEqualTo(java.util.stream.Stream.concat(kept.stream(), dropped.stream()).toList());
        assertThat(lines.get(7)).startsWith("Streamed: [From ][the ][retrieved ][context: ][A ][vector ][store ][can ][be ][saved ]");
    }
}
