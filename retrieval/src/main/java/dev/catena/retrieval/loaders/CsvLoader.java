package dev.catena.retrieval.loaders;

import dev.catena.core.documents.Document;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Loads a CSV file with a header row as one document per data row, as LangChain's
 * {@code CSVLoader}: the text is one {@code "column: value"} line per content column, and the
 * metadata holds {@code source}, {@code row} (0-based data row) and the chosen metadata columns.
 * Rows are read as the stream is consumed. The file is read as UTF-8 (a BOM is skipped).
 *
 * <pre>{@code
 * CsvLoader.builder(path).metadataColumns("id", "author").build().load();
 * }</pre>
 */
public final class CsvLoader implements DocumentLoader {

    private final Path path;
    private final List<String> contentColumns;
    private final List<String> metadataColumns;
    private final String sourceColumn;
    private final char delimiter;

    private CsvLoader(Builder b) {
        this.path = b.path;
        this.contentColumns = List.copyOf(b.contentColumns);
        this.metadataColumns = List.copyOf(b.metadataColumns);
        this.sourceColumn = b.sourceColumn;
        this.delimiter = b.delimiter;
    }

    /**
     * {@return settings for a loader of this CSV file; by default every row is one document of all its
     * columns}
     *
     * @param path the CSV file
     */
    public static Builder builder(Path path) {
        return new Builder(Objects.requireNonNull(path, "path"));
    }

    @Override
    public Stream<Document> lazyLoad() {
        BufferedReader[] reader = new BufferedReader[1];
        Iterator<Document> rows = new Iterator<>() {
            CsvRecords records;
            List<String> header;
            Document next;
            int row;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public Document next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Document d = next;
                next = null;
                return d;
            }

            private Document advance() {
                try {
                    if (records == null) {
                        reader[0] = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                        reader[0].mark(1);
                        if (reader[0].read() != '\uFEFF') {
                            reader[0].reset();
                        }
                        records = new CsvRecords(reader[0], delimiter);
                        header = records.next();
                        if (header == null) {
                            return null;
                        }
                        checkColumns(header);
                    }
                    if (header == null) {
                        return null;
                    }
                    int line = records.lineNumber();
                    List<String> fields = records.next();
                    while (fields != null && fields.size() == 1 && fields.get(0).isEmpty()) {
                        fields = records.next(); // blank line
                    }
                    if (fields == null) {
                        return null;
                    }
                    return toDocument(header, fields, row++, line);
                } catch (IOException e) {
                    throw new DocumentLoadException("could not read CSV " + path + ": " + e.getMessage(), e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false)
                .onClose(() -> {
                    try {
                        if (reader[0] != null) {
                            reader[0].close();
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private void checkColumns(List<String> header) {
        List<String> wanted = new ArrayList<>(contentColumns);
        wanted.addAll(metadataColumns);
        if (sourceColumn != null) {
            wanted.add(sourceColumn);
        }
        for (String column : wanted) {
            if (!header.contains(column)) {
                throw new DocumentLoadException("CSV " + path + " has no column '" + column + "'; its columns are "
                        + header);
            }
        }
    }

    private Document toDocument(List<String> header, List<String> fields, int row, int line) {
        if (fields.size() != header.size()) {
            throw new DocumentLoadException("CSV " + path + " line " + line + " has " + fields.size()
                    + " fields but the header has " + header.size() + "; fix the row or its quoting");
        }
        StringBuilder text = new StringBuilder();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(SOURCE, sourceColumn == null ? path.toString() : fields.get(header.indexOf(sourceColumn)));
        metadata.put("row", row);
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (metadataColumns.contains(column)) {
                metadata.put(column, fields.get(i));
            }
            boolean content = contentColumns.isEmpty() ? !metadataColumns.contains(column) : contentColumns.contains(column);
            if (content) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(column.strip()).append(": ").append(fields.get(i).strip());
            }
        }
        return Document.of(text.toString(), metadata);
    }

    /** Settings for a {@link CsvLoader}. */
    public static final class Builder {
        private final Path path;
        private List<String> contentColumns = List.of();
        private List<String> metadataColumns = List.of();
        private String sourceColumn;
        private char delimiter = ',';

        private Builder(Path path) {
            this.path = path;
        }

        /**
         * Columns that make up the text (default: all that are not metadata columns).
         *
         * @param columns the column names
         * @return this builder
         */
        public Builder contentColumns(String... columns) {
            this.contentColumns = List.of(columns);
            return this;
        }

        /**
         * Columns copied into metadata under their own names.
         *
         * @param columns the column names
         * @return this builder
         */
        public Builder metadataColumns(String... columns) {
            this.metadataColumns = List.of(columns);
            return this;
        }

        /**
         * A column whose value becomes {@code source} instead of the file path.
         *
         * @param column the column name
         * @return this builder
         */
        public Builder sourceColumn(String column) {
            this.sourceColumn = column;
            return this;
        }

        /**
         * The field delimiter (default {@code ','}).
         *
         * @param value the delimiter, e.g. {@code ';'} or a tab
         * @return this builder
         */
        public Builder delimiter(char value) {
            this.delimiter = value;
            return this;
        }

        /** {@return the loader with these settings} */
        public CsvLoader build() {
            return new CsvLoader(this);
        }
    }
}
