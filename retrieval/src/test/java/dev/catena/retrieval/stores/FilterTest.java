package dev.catena.retrieval.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catena.core.documents.Document;
import dev.catena.core.vector.Distance;
import dev.catena.models.HashingEmbeddingModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTest {

    private static final Map<String, Object> NEWS_2021 = Map.of("kind", "news", "year", 2021, "tags", List.of("rates", "banks"));

    @Test
    void equalsComparesNumbersAsNumbersAndNeverAsStrings() {
        assertThat(Filter.eq("year", 2021L).test(NEWS_2021)).isTrue();
        assertThat(Filter.eq("year", 2021.0).test(NEWS_2021)).isTrue();
        assertThat(Filter.eq("year", "2021").test(NEWS_2021)).isFalse();
        assertThat(Filter.eq("kind", "blog").test(NEWS_2021)).isFalse();
        assertThat(Filter.eq("missing", "x").test(NEWS_2021)).isFalse();
    }

    @Test
    void listValuesMatchIfAnyElementMatches() {
        assertThat(Filter.eq("tags", "banks").test(NEWS_2021)).isTrue();
        assertThat(Filter.in("tags", "stocks", "rates").test(NEWS_2021)).isTrue();
        assertThat(Filter.in("tags", "stocks").test(NEWS_2021)).isFalse();
    }

    @Test
    void rangesAreInclusiveWithOpenNullBounds() {
        assertThat(Filter.range("year", 2021, 2021).test(NEWS_2021)).isTrue();
        assertThat(Filter.range("year", 2022, null).test(NEWS_2021)).isFalse();
        assertThat(Filter.range("year", null, 2021.5).test(NEWS_2021)).isTrue();
        assertThat(Filter.range("kind", "a", "o").test(NEWS_2021)).isTrue();
        assertThat(Filter.range("kind", "o", null).test(NEWS_2021)).isFalse();
        assertThat(Filter.range("kind", 1, 5).test(NEWS_2021)).isFalse();
        assertThatThrownBy(() -> Filter.range("year", 1, "z")).hasMessageContaining("both numbers or both strings");
        assertThatThrownBy(() -> Filter.range("year", null, null)).hasMessageContaining("needs a min or a max");
    }

    @Test
    void booleanCombinators() {
        assertThat(Filter.and(Filter.eq("kind", "news"), Filter.range("year", 2020, null)).test(NEWS_2021)).isTrue();
        assertThat(Filter.and(Filter.eq("kind", "news"), Filter.eq("year", 1999)).test(NEWS_2021)).isFalse();
        assertThat(Filter.or(Filter.eq("kind", "blog"), Filter.eq("year", 2021)).test(NEWS_2021)).isTrue();
        assertThat(Filter.not(Filter.eq("kind", "news")).test(NEWS_2021)).isFalse();
        assertThat(Filter.not(Filter.eq("missing", "x")).test(NEWS_2021)).isTrue();
    }

    @Test
    void rejectsFilterValuesThatCannotBeCompared() {
        assertThatThrownBy(() -> Filter.eq("when", java.time.LocalDate.EPOCH)).hasMessageContaining("string, number or boolean");
    }

    @Test
    void storeAppliesTheFilterDuringSearchSoKResultsComeBackEvenWhenTheBestAreFilteredOut() {
        InMemoryVectorStore store = InMemoryVectorStore.create(new HashingEmbeddingModel(128), Distance.COSINE);
        for (int i = 0; i < 50; i++) {
            // The 40 "blog" documents repeat the query words; the 10 "news" ones are weaker matches.
            String kind = i < 40 ? "blog" : "news";
            String text = i < 40 ? "interest rates rise again " + i : "markets and interest " + i;
            store.addDocuments(List.of(new Document("d" + i, text, Map.of("kind", kind, "n", i))));
        }
        List<Document> hits = store.similaritySearch("interest rates rise", 5, Filter.eq("kind", "news"));
        assertThat(hits).hasSize(5).allMatch(d -> d.metadata().get("kind").equals("news"));

        List<Document> ranged = store.similaritySearch("interest rates rise", 50,
                Filter.and(Filter.range("n", 10, 14), Filter.not(Filter.eq("n", 12))));
        assertThat(ranged).extracting(Document::id).containsExactlyInAnyOrder("d10", "d11", "d13", "d14");
    }
}
