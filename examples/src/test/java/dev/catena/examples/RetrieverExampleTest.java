package dev.catena.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrieverExampleTest {

    @Test
    void ensembleFusesKeywordAndVectorResultsWithTheHeavierWeightWinningTheTie() throws Exception {
        List<String> lines = ExampleRun.lines(() -> RetrieverExample.main(new String[0]));

        int vector = lines.indexOf("Vector:");
        int ensemble = lines.indexOf("Ensemble (RRF, weights 0.4 BM25 / 0.6 vector):");
        List<String> bm25 = lines.subList(1, vector);
        List<String> vectors = lines.subList(vector + 1, ensemble);
        List<String> fused = lines.subList(ensemble + 1, lines.size());
        // BM25 puts the exact error code first; the vector search the closer wording.
        assertThat(bm25.get(0)).contains("Error E1042");
        assertThat(vectors.get(0)).contains("uploads fail");
        // Both documents are in both lists at ranks 1 and 2; the 0.6-weighted vector ranking decides.
        assertThat(fused).hasSize(2);
        assertThat(fused.get(0)).isEqualTo("  1. " + vectors.get(0).substring(5));
        assertThat(fused.get(1)).isEqualTo("  2. " + bm25.get(0).substring(5));
    }
}
