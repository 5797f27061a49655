package dev.catena.retrieval.retrievers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.Component;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnsembleRetrieverTest {

    private static final Document X = Document.of("x");
    private static final Document Y = Document.of("y");
    private static final Document Z = Document.of("z");
    private static final Document W = Document.of("w");
    private static final Component<String, List<Document>> A = Component.of("A", q -> List.of(X, Y, Z));
    private static final Component<String, List<Document>> B = Component.of("B", q -> List.of(Z, W));

    @Test
    void equalWeightsFuseByReciprocalRankWithTiesInFirstSeenOrder() {
        // x 0.5/61, y 0.5/62, z 0.5/63 + 0.5/61, w 0.5/62 (ties with y, seen later)
        assertThat(EnsembleRetriever.of(List.of(A, B)).retrieve("q")).containsExactly(Z, X, Y, W);
    }

    @Test
    void weightsChangeTheOrder() {
        // x 0.2/61 = .00328, y 0.2/62 = .00323, z 0.2/63 + 0.8/61 = .01629, w 0.8/62 = .01290
        assertThat(EnsembleRetriever.of(List.of(A, B), List.of(0.2, 0.8)).retrieve("q")).containsExactly(Z, W, X, Y);
        // With c = 0 the top rank dominates: x 0.5, y 0.25, z 0.5/3 + 0.5 = .667, w 0.25
        assertThat(EnsembleRetriever.of(List.of(A, B)).withC(0).retrieve("q")).containsExactly(Z, X, Y, W);
    }

    @Test
    void documentsAreTheSameByTextOrByAnIdKey() {
        Document z1 = new Document("1", "z", Map.of("src", "a"));
        Document z2 = new Document("2", "z", Map.of("src", "b"));
        Component<String, List<Document>> one = Component.of(q -> List.of(z1));
        Component<String, List<Document>> two = Component.of(q -> List.of(z2));
        assertThat(EnsembleRetriever.of(List.of(one, two)).retrieve("q")).containsExactly(z1);
        assertThat(EnsembleRetriever.of(List.of(one, two)).withIdKey("src").retrieve("q")).containsExactly(z1, z2);
    }

    @Test
    void aDocumentWithoutTheIdKeyIsRejectedRatherThanMergedWithOthers() {
        // LangChain raises a KeyError; silently treating every such document as one would drop results.
        Document p = new Document("1", "p", Map.of());
        Document q = new Document("2", "q", Map.of());
        Component<String, List<Document>> one = Component.of(x -> List.of(p, q));
        assertThatThrownBy(() -> EnsembleRetriever.of(List.of(one)).withIdKey("src").retrieve("q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no metadata 'src'");
    }

    @Test
    void eachRetrieverRunIsTracedUnderTheEnsemble() {
        RunRecorder recorder = new RunRecorder();
        EnsembleRetriever.of(List.of(A, B)).invoke("q", RunConfig.builder().callbacks(recorder).build());
        var root = recorder.first("retriever");
        assertThat(recorder.started).filteredOn(r -> r.parentRunId().equals(Optional.of(root.runId())))
                .extracting(r -> r.name()).containsExactly("A", "B");
    }

    @Test
    void rejectsMismatchedWeights() {
        assertThatThrownBy(() -> EnsembleRetriever.of(List.of(A, B), List.of(1.0)))
                .hasMessageContaining("2 retrievers but 1 weights");
    }
}
