package dev.catena.retrieval.solr;

import java.util.Collection;
import java.util.Map;
import org.apache.solr.common.SolrInputDocument;

/**
 * Where a metadata key's values are indexed: strings under {@code ms_<key>}, numbers (as doubles,
 * so {@code 2020} and {@code 2020.0} are equal as the {@code Filter} rules say) under
 * {@code md_<key>}, booleans under {@code mb_<key>}. The key is escaped so any key, in any
 * script, is a valid Solr field name and two keys never share a field.
 */
final class MetadataFields {

    static final String STRING_PREFIX = "ms_";
    static final String NUMBER_PREFIX = "md_";
    static final String BOOLEAN_PREFIX = "mb_";

    private MetadataFields() {
    }

    /** Adds each scalar metadata value (and each scalar element of a list) to its typed field. */
    static void index(SolrInputDocument target, Map<String, Object> metadata) {
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            if (e.getValue() instanceof Collection<?> list) {
                for (Object v : list) {
                    indexValue(target, e.getKey(), v);
                }
            } else {
                indexValue(target, e.getKey(), e.getValue());
            }
        }
    }

    private static void indexValue(SolrInputDocument target, String key, Object value) {
        // Nested maps and nulls are kept in the stored document but cannot be filtered on, as in the in-memory store.
        if (value instanceof String s) {
            target.addField(STRING_PREFIX + escape(key), s);
        } else if (value instanceof Boolean b) {
            target.addField(BOOLEAN_PREFIX + escape(key), b);
        } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            target.addField(NUMBER_PREFIX + escape(key), n.doubleValue());
        }
    }

    /**
     * Letters and digits stay; every other character, the underscore included, becomes
     * {@code _<hex code point>_}, which keeps the mapping one-to-one.
     */
    static String escape(String key) {
        StringBuilder out = new StringBuilder(key.length() + 8);
        key.codePoints().forEach(cp -> {
            if (cp < 128 && Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('_').append(Integer.toHexString(cp)).append('_');
            }
        });
        return out.toString();
    }
}
