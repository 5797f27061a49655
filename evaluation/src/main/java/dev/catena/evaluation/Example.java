package dev.catena.evaluation;

import java.util.Map;
import java.util.Objects;

/**
 * One dataset row: an input, the reference output expected (or {@code null}), and free metadata.
 *
 * @param id a name for the row, unique in its dataset (reports and diffs match rows by it)
 * @param input the input, as text
 * @param reference the expected output, or {@code null}
 * @param metadata extra columns, by name
 */
public record Example(String id, String input, String reference, Map<String, String> metadata) {

    /**
     * Checks the example.
     *
     * @param id the row's name
     * @param input the input
     * @param reference the expected output, or {@code null}
     * @param metadata extra columns; {@code null} means none
     */
    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(input, "input");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * {@return an example without metadata}
     *
     * @param id the row's name
     * @param input the input
     * @param reference the expected output, or {@code null}
     */
    public static Example of(String id, String input, String reference) {
        return new Example(id, input, reference, Map.of());
    }
}
