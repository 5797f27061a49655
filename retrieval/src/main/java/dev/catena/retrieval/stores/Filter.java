package dev.catena.retrieval.stores;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A condition on a document's metadata that vector stores apply while they search, so a search
 * with a filter returns the best {@code k} documents that match it (not the matching few among
 * the best {@code k}).
 *
 * <pre>{@code
 * Filter recentNews = Filter.and(Filter.eq("kind", "news"), Filter.range("year", 2020, null));
 * store.similaritySearch("interest rates", 4, recentNews);
 * }</pre>
 *
 * <p>Rules, the same in every store: numbers compare as numbers ({@code 2020} equals
 * {@code 2020L} and {@code 2020.0}), strings as strings; a number never equals a string. A
 * metadata value that is a list matches if any element matches. A condition on a key the
 * document lacks is false, so {@code not(eq(k, v))} is true for documents without {@code k}.
 */
public sealed interface Filter {

    /**
     * {@return whether a document with this metadata passes}
     *
     * @param metadata the document's metadata
     */
    boolean test(Map<String, Object> metadata);

    /**
     * Metadata {@code key} equals {@code value} (a string, number or boolean).
     *
     * @param key the metadata key
     * @param value the value
     * @return the filter
     */
    static Filter eq(String key, Object value) {
        return new Eq(key, value);
    }

    /**
     * Metadata {@code key} equals one of {@code values}.
     *
     * @param key the metadata key
     * @param values the accepted values
     * @return the filter
     */
    static Filter in(String key, Collection<?> values) {
        return new In(key, List.copyOf(values));
    }

    /**
     * Metadata {@code key} equals one of {@code values}.
     *
     * @param key the metadata key
     * @param values the accepted values
     * @return the filter
     */
    static Filter in(String key, Object... values) {
        return in(key, List.of(values));
    }

    /**
     * Metadata {@code key} lies in {@code [min, max]} (both inclusive); a null bound is open.
     * Bounds are both numbers or both strings.
     *
     * @param key the metadata key
     * @param min the lower bound, or null
     * @param max the upper bound, or null
     * @return the filter
     */
    static Filter range(String key, Object min, Object max) {
        return new Range(key, min, max);
    }

    /**
     * {@return a filter that passes when every one of these passes}
     *
     * @param filters the filters
     */
    static Filter and(Filter... filters) {
        return new And(List.of(filters));
    }

    /**
     * {@return a filter that passes when at least one of these passes}
     *
     * @param filters the filters
     */
    static Filter or(Filter... filters) {
        return new Or(List.of(filters));
    }

    /**
     * {@return a filter that passes when this one does not}
     *
     * @param filter the filter
     */
    static Filter not(Filter filter) {
        return new Not(filter);
    }

    /**
     * Equality on one key.
     *
     * @param key the metadata key
     * @param value the value (a string, number or boolean)
     */
    record Eq(String key, Object value) implements Filter {
        /**
         * Requires the key and a scalar value.
         *
         * @param key the metadata key
         * @param value the value (a string, number or boolean)
         */
        public Eq {
            Objects.requireNonNull(key, "filter key");
            checkScalar(key, value);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return anyValue(metadata.get(key), v -> same(v, value));
        }
    }

    /**
     * Membership in a set of values on one key.
     *
     * @param key the metadata key
     * @param values the accepted values (strings, numbers or booleans)
     */
    record In(String key, List<Object> values) implements Filter {
        /**
         * Requires the key and scalar values.
         *
         * @param key the metadata key
         * @param values the accepted values (strings, numbers or booleans)
         */
        public In {
            Objects.requireNonNull(key, "filter key");
            values.forEach(v -> checkScalar(key, v));
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return anyValue(metadata.get(key), v -> values.stream().anyMatch(w -> same(v, w)));
        }
    }

    /**
     * An inclusive range on one key; a null bound is open.
     *
     * @param key the metadata key
     * @param min the lower bound, inclusive, or null
     * @param max the upper bound, inclusive, or null
     */
    record Range(String key, Object min, Object max) implements Filter {
        /**
         * Requires the key and at least one bound; bounds are both numbers or both strings.
         *
         * @param key the metadata key
         * @param min the lower bound, inclusive, or null
         * @param max the upper bound, inclusive, or null
         */
        public Range {
            Objects.requireNonNull(key, "filter key");
            if (min == null && max == null) {
                throw new IllegalArgumentException("range filter on '" + key + "' needs a min or a max bound");
            }
            boolean numeric = (min == null || min instanceof Number) && (max == null || max instanceof Number);
            boolean text = (min == null || min instanceof String) && (max == null || max instanceof String);
            if (!numeric && !text) {
                throw new IllegalArgumentException("range filter on '" + key
                        + "' needs bounds that are both numbers or both strings, got " + min + " and " + max);
            }
        }

        /** {@return whether the bounds are numbers (otherwise strings)} */
        public boolean numeric() {
            return (min == null || min instanceof Number) && (max == null || max instanceof Number);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return anyValue(metadata.get(key), this::contains);
        }

        private boolean contains(Object v) {
            if (numeric()) {
                if (!(v instanceof Number n)) {
                    return false;
                }
                double d = n.doubleValue();
                return (min == null || d >= ((Number) min).doubleValue()) && (max == null || d <= ((Number) max).doubleValue());
            }
            if (!(v instanceof String s)) {
                return false;
            }
            return (min == null || s.compareTo((String) min) >= 0) && (max == null || s.compareTo((String) max) <= 0);
        }
    }

    /**
     * All of several filters.
     *
     * @param filters the filters that must all pass
     */
    record And(List<Filter> filters) implements Filter {
        /**
         * Keeps an immutable copy of the filters.
         *
         * @param filters the filters that must all pass
         */
        public And {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            for (Filter f : filters) {
                if (!f.test(metadata)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Any of several filters.
     *
     * @param filters the filters of which one must pass
     */
    record Or(List<Filter> filters) implements Filter {
        /**
         * Keeps an immutable copy of the filters.
         *
         * @param filters the filters of which one must pass
         */
        public Or {
            filters = List.copyOf(filters);
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            for (Filter f : filters) {
                if (f.test(metadata)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The negation of a filter.
     *
     * @param filter the filter that must not pass
     */
    record Not(Filter filter) implements Filter {
        /**
         * Requires the filter.
         *
         * @param filter the filter that must not pass
         */
        public Not {
            Objects.requireNonNull(filter, "negated filter");
        }

        @Override
        public boolean test(Map<String, Object> metadata) {
            return !filter.test(metadata);
        }
    }

    private static void checkScalar(String key, Object value) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("filter on '" + key + "' compares with " + value
                    + "; use a string, number or boolean");
        }
    }

    private static boolean anyValue(Object stored, java.util.function.Predicate<Object> test) {
        if (stored instanceof Collection<?> list) {
            for (Object v : list) {
                if (v != null && test.test(v)) {
                    return true;
                }
            }
            return false;
        }
        return stored != null && test.test(stored);
    }

    private static boolean same(Object stored, Object wanted) {
        if (stored instanceof Number a && wanted instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return stored.equals(wanted);
    }
}
