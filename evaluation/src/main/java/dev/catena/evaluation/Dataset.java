package dev.catena.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The examples a component is evaluated on, built in code or read from JSON Lines or CSV. Both
 * files carry an {@code input} field/column, optionally {@code reference} and {@code id} (else the
 * row's 1-based number); JSON Lines may add a {@code metadata} object, CSV's other columns become
 * metadata.
 *
 * @param name what the dataset is called, for reports
 * @param examples the rows, with distinct ids
 */
public record Dataset(String name, List<Example> examples) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Checks the dataset: ids must be distinct, since reports are compared by id.
     *
     * @param name the name
     * @param examples the rows
     */
    public Dataset {
        examples = List.copyOf(examples);
        Set<String> ids = new HashSet<>();
        for (Example example : examples) {
            if (!ids.add(example.id())) {
                throw new EvaluationException("dataset " + name + " has two examples with id \"" + example.id()
                        + "\"; give each row a distinct id");
            }
        }
    }

    /**
     * {@return a dataset of these examples}
     *
     * @param name the name
     * @param examples the rows
     */
    public static Dataset of(String name, Example... examples) {
        return new Dataset(name, List.of(examples));
    }

    /**
     * {@return the dataset in a JSON Lines file (blank lines skipped), named after the file}
     *
     * @param file a UTF-8 file of one JSON object per line
     */
    public static Dataset fromJsonLines(Path file) {
        List<String> lines = read(file);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = file.getFileName() + " line " + (i + 1);
            JsonNode row;
            try {
                row = MAPPER.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new EvaluationException(where + " is not JSON: " + e.getOriginalMessage(), e);
            }
            if (!row.path("input").isTextual()) {
                throw new EvaluationException(where + " has no text \"input\" field");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            row.path("metadata").fields().forEachRemaining(f -> metadata.put(f.getKey(), f.getValue().asText()));
            examples.add(new Example(row.has("id") ? row.get("id").asText() : String.valueOf(examples.size() + 1),
                    row.get("input").asText(), row.hasNonNull("reference") ? row.get("reference").asText() : null, metadata));
        }
        return new Dataset(file.getFileName().toString(), examples);
    }

    /**
     * {@return the dataset in a CSV file with a header row (RFC 4180 quoting), named after the file}
     *
     * @param file a UTF-8 CSV file with an {@code input} column
     */
    public static Dataset fromCsv(Path file) {
        List<List<String>> rows = CsvReader.parse(String.join("\n", read(file)), file.getFileName().toString());
        if (rows.isEmpty() || !rows.get(0).contains("input")) {
            throw new EvaluationException(file.getFileName() + " needs a header row with an \"input\" column");
        }
        List<String> header = rows.get(0);
        List<Example> examples = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.size() != header.size()) {
                throw new EvaluationException(file.getFileName() + " row " + r + " has " + cells.size()
                        + " cells but the header has " + header.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), cells.get(c));
            }
            String id = values.containsKey("id") ? values.remove("id") : String.valueOf(r);
            String input = values.remove("input");
            String reference = values.remove("reference");
            examples.add(new Example(id, input, reference == null || reference.isEmpty() ? null : reference, values));
        }
        return new Dataset(file.getFileName().toString(), examples);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file, e);
        }
    }
}
