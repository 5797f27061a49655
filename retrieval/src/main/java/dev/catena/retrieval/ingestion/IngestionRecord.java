package dev.catena.retrieval.ingestion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What has been ingested: for each document content hash, the document's source and the ids of
 * its stored chunks (LangChain's record manager). The pipeline skips documents whose hash is
 * recorded and removes the chunks of a source's documents that changed. Keep it with the store:
 * {@link #save} after a run and {@link #load} before the next, or the next run re-ingests
 * everything.
 */
public final class IngestionRecord {

    /** One ingested document. */
    record Entry(String source, List<String> chunkIds) {
    }

    private final Map<String, Entry> byHash = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    /** An empty record. */
    public IngestionRecord() {
    }

    /**
     * Reads a record saved by {@link #save}; an absent file gives an empty record.
     *
     * @param file the file written by {@link #save}
     * @return the record
     */
    public static IngestionRecord load(Path file) {
        IngestionRecord record = new IngestionRecord();
        if (!Files.exists(file)) {
            return record;
        }
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException(file + " line " + lineNumber
                            + " is not 'hash<TAB>source<TAB>chunk ids'; is this an ingestion record?");
                }
                List<String> ids = parts[2].isEmpty() ? List.of() : Arrays.asList(parts[2].split(","));
                record.byHash.put(parts[0], new Entry(unescape(parts[1]), List.copyOf(ids)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the ingestion record " + file + ": " + e.getMessage(), e);
        }
        return record;
    }

    /**
     * Writes the record to {@code file} (one line per document), replacing it atomically.
     *
     * @param file the file to write
     */
    public void save(Path file) {
        StringBuilder text = new StringBuilder();
        lock.lock();
        try {
            byHash.forEach((hash, e) -> text.append(hash).append('\t').append(escape(e.source())).append('\t')
                    .append(String.join(",", e.chunkIds())).append('\n'));
        } finally {
            lock.unlock();
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the ingestion record to " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@return how many documents are recorded} */
    public int size() {
        lock.lock();
        try {
            return byHash.size();
        } finally {
            lock.unlock();
        }
    }

    boolean contains(String hash) {
        lock.lock();
        try {
            return byHash.containsKey(hash);
        } finally {
            lock.unlock();
        }
    }

    void put(String hash, String source, List<String> chunkIds) {
        lock.lock();
        try {
            byHash.put(hash, new Entry(source, List.copyOf(chunkIds)));
        } finally {
            lock.unlock();
        }
    }

    /** Removes the entries of {@code sources} whose hash is not in {@code keep}; returns their chunk ids. */
    List<String> removeStale(Set<String> sources, Set<String> keep) {
        List<String> stale = new ArrayList<>();
        lock.lock();
        try {
            byHash.entrySet().removeIf(e -> {
                boolean remove = sources.contains(e.getValue().source()) && !keep.contains(e.getKey());
                if (remove) {
                    stale.addAll(e.getValue().chunkIds());
                }
                return remove;
            });
        } finally {
            lock.unlock();
        }
        return stale;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
