package dev.catena.retrieval.solr;

import dev.catena.retrieval.stores.Filter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * Translates a {@link Filter} into a Solr filter query in the standard query syntax, with the
 * same meaning as {@link Filter#test}: equality and ranges on the typed metadata fields of
 * {@link MetadataFields}, {@code in} as a disjunction, and/or/not as boolean clauses. A
 * condition a stored document lacks is false, so {@code not} keeps documents without the key.
 */
final class SolrFilterQuery {

    /** Matches every document: the base a purely negative clause subtracts from. */
    private static final String ALL = "*:*";
    private static final String NONE = "(*:* -*:*)";

    private SolrFilterQuery() {
    }

    /** The filter query for {@code filter}. */
    static String of(Filter filter) {
        if (filter instanceof Filter.Eq eq) {
            return equality(eq.key(), eq.value());
        }
        if (filter instanceof Filter.In in) {
            if (in.values().isEmpty()) {
                return NONE;
            }
            List<String> clauses = new ArrayList<>();
            for (Object v : in.values()) {
                clauses.add(equality(in.key(), v));
            }
            return "(" + String.join(" OR ", clauses) + ")";
        }
        if (filter instanceof Filter.Range range) {
            return range(range);
        }
        if (filter instanceof Filter.And and) {
            if (and.filters().isEmpty()) {
                return ALL;
            }
            return "(" + String.join(" AND ", and.filters().stream().map(SolrFilterQuery::of).toList()) + ")";
        }
        if (filter instanceof Filter.Or or) {
            if (or.filters().isEmpty()) {
                return NONE;
            }
            return "(" + String.join(" OR ", or.filters().stream().map(SolrFilterQuery::of).toList()) + ")";
        }
        if (filter instanceof Filter.Not not) {
            return "(" + ALL + " -" + of(not.filter()) + ")";
        }
        throw new UnsupportedFilterException("filter " + filter + " has no Solr translation");
    }

    private static String equality(String key, Object value) {
        if (value instanceof String s) {
            return MetadataFields.STRING_PREFIX + MetadataFields.escape(key) + ":" + quote(s);
        }
        if (value instanceof Boolean b) {
            return MetadataFields.BOOLEAN_PREFIX + MetadataFields.escape(key) + ":" + b;
        }
        return MetadataFields.NUMBER_PREFIX + MetadataFields.escape(key) + ":" + number(key, (Number) value);
    }

    private static String range(Filter.Range range) {
        String key = range.key();
        if (range.numeric()) {
            String min = range.min() == null ? "*" : number(key, (Number) range.min());
            String max = range.max() == null ? "*" : number(key, (Number) range.max());
            return MetadataFields.NUMBER_PREFIX + MetadataFields.escape(key) + ":[" + min + " TO " + max + "]";
        }
        String min = range.min() == null ? "*" : quote((String) range.min());
        String max = range.max() == null ? "*" : quote((String) range.max());
        return MetadataFields.STRING_PREFIX + MetadataFields.escape(key) + ":[" + min + " TO " + max + "]";
    }

    /** A number as Solr parses it back to the same double; NaN and infinities have no exact query. */
    private static String number(String key, Number value) {
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw new UnsupportedFilterException("filter on '" + key + "' compares with " + value
                    + ", which Solr cannot match exactly; use a finite number");
        }
        // Plain decimal notation (no exponent) that round-trips to the same double.
        return new BigDecimal(Double.toString(d)).toPlainString();
    }

    private static String quote(String s) {
        return "\"" + ClientUtils.escapeQueryChars(s) + "\"";
    }
}
