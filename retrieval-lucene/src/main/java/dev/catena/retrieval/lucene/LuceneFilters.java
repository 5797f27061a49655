package dev.catena.retrieval.lucene;

import dev.catena.core.documents.Document;
import dev.catena.retrieval.stores.Filter;
import java.util.Collection;
import java.util.Map;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

/**
 * Indexes metadata so {@link Filter}s can run inside Lucene's vector search, and translates a
 * filter into the equivalent Lucene query. Strings, booleans and numbers go to separate fields
 * ({@code s:}, {@code b:}, {@code n:} + key) so that, as in memory, the number 1 never equals the
 * string "1". Numbers are indexed as doubles, exact for integers up to 2^53.
 */
final class LuceneFilters {

    private LuceneFilters() {
    }

    static void index(org.apache.lucene.document.Document target, Document doc) {
        for (Map.Entry<String, Object> e : doc.metadata().entrySet()) {
            if (e.getValue() instanceof Collection<?> list) {
                list.forEach(v -> indexValue(target, e.getKey(), v));
            } else {
                indexValue(target, e.getKey(), e.getValue());
            }
        }
    }

    private static void indexValue(org.apache.lucene.document.Document target, String key, Object value) {
        if (value instanceof String s) {
            target.add(new StringField("s:" + key, s, Field.Store.NO));
        } else if (value instanceof Boolean b) {
            target.add(new StringField("b:" + key, b.toString(), Field.Store.NO));
        } else if (value instanceof Number n) {
            target.add(new DoublePoint("n:" + key, n.doubleValue()));
        }
        // Other values (nested maps) are stored but cannot be filtered on, as in memory.
    }

    static Query toQuery(Filter filter) {
        if (filter instanceof Filter.Eq eq) {
            return equalsQuery(eq.key(), eq.value());
        }
        if (filter instanceof Filter.In in) {
            if (in.values().isEmpty()) {
                return new MatchNoDocsQuery("empty in() filter");
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            in.values().forEach(v -> any.add(equalsQuery(in.key(), v), Occur.SHOULD));
            return any.build();
        }
        if (filter instanceof Filter.Range range) {
            if (range.numeric()) {
                double min = range.min() == null ? Double.NEGATIVE_INFINITY : ((Number) range.min()).doubleValue();
                double max = range.max() == null ? Double.POSITIVE_INFINITY : ((Number) range.max()).doubleValue();
                return DoublePoint.newRangeQuery("n:" + range.key(), min, max);
            }
            return TermRangeQuery.newStringRange("s:" + range.key(), (String) range.min(), (String) range.max(), true, true);
        }
        if (filter instanceof Filter.And and) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            all.add(new MatchAllDocsQuery(), Occur.FILTER);
            and.filters().forEach(f -> all.add(toQuery(f), Occur.FILTER));
            return all.build();
        }
        if (filter instanceof Filter.Or or) {
            if (or.filters().isEmpty()) {
                return new MatchNoDocsQuery("empty or() filter");
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            or.filters().forEach(f -> any.add(toQuery(f), Occur.SHOULD));
            return any.build();
        }
        Filter.Not not = (Filter.Not) filter;
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.FILTER)
                .add(toQuery(not.filter()), Occur.MUST_NOT)
                .build();
    }

    private static Query equalsQuery(String key, Object value) {
        if (value instanceof Number n) {
            return DoublePoint.newExactQuery("n:" + key, n.doubleValue());
        }
        if (value instanceof Boolean b) {
            return new TermQuery(new Term("b:" + key, b.toString()));
        }
        return new TermQuery(new Term("s:" + key, (String) value));
    }
}
