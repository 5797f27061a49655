package dev.catena.agents.toolkits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.components.CallbackHandler;
import dev.catena.core.components.RunConfig;
import dev.catena.core.components.RunInfo;
import dev.catena.core.documents.Document;
import dev.catena.core.documents.Retriever;
import dev.catena.core.tools.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrieverToolTest {

    /** A knowledge base that returns the documents containing the query's words. */
    private static final List<Document> BASE = List.of(
            Document.of("Refunds are paid within 14 days.", Map.of("source", "handbook.md")),
            Document.of("Shipping to Europe takes 5 days.", Map.of("source", "shipping.pdf", "page", 3)),
            new Document("faq-7", "Refunds need the receipt.", Map.of()));

    private static final Retriever KEYWORDS = new Retriever() {
        @Override
        public List<Document> call(String query, RunConfig config) {
            String word = query.toLowerCase(Locale.ROOT);
            return BASE.stream().filter(d -> d.text().toLowerCase(Locale.ROOT).contains(word)).toList();
        }
    };

    @Test
    void documentsComeBackNumberedWithTheirSources() {
        Tool tool = RetrieverTool.of(KEYWORDS, "search_handbook", "Searches the shop's handbook.");
        assertThat(tool.spec().name()).isEqualTo("search_handbook");
        assertThat(tool.execute("{\"query\": \"refunds\"}")).isEqualTo("""
                [1] source: handbook.md
                Refunds are paid within 14 days.

                [2] source: faq-7
                Refunds need the receipt.""");
        assertThat(tool.execute("{\"query\": \"europe\"}"))
                .isEqualTo("[1] source: shipping.pdf, page 3\nShipping to Europe takes 5 days.");
        assertThat(tool.execute("{\"query\": \"warranty\"}")).isEqualTo("no documents found for 'warranty'");
        assertThatThrownBy(() -> tool.execute("{\"q\": \"x\"}")).hasMessageContaining("the argument 'query' is missing");
    }

    @Test
    void theRetrievalIsAChildRunOfTheTool() {
        List<String> started = new ArrayList<>();
        CallbackHandler recorder = new CallbackHandler() {
            @Override
            public void onStart(RunInfo run, Object input) {
                started.add(run.kind() + ":" + run.name() + ":" + run.parentRunId().isPresent());
            }
        };
        Tool tool = RetrieverTool.of(KEYWORDS, "search_handbook", "Searches the shop's handbook.");
        tool.invoke("{\"query\": \"refunds\"}", RunConfig.builder().callbacks(recorder).build());
        assertThat(started).hasSize(2);
        assertThat(started.get(0)).startsWith("tool:search_handbook:false");
        assertThat(started.get(1)).startsWith("retriever:").endsWith(":true");
    }
}
