package dev.catena.traceviewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the runs of trace files written by {@code JsonLinesTracer}: one file, or every
 * {@code .jsonl} file of a folder (not its subfolders). A last line without its newline is one the
 * tracer is still writing, so it is left for the next read; any other line that is not a run object
 * is an error naming the file and line.
 */
final class TraceReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TraceReader() {
    }

    /** The runs of a trace file, or of every trace file in a folder, in file order. */
    static List<ObjectNode> read(Path fileOrFolder) {
        List<ObjectNode> runs = new ArrayList<>();
        for (Path file : traceFiles(fileOrFolder)) {
            runs.addAll(readFile(file));
        }
        return runs;
    }

    /** The trace files a path stands for: itself, or a folder's {@code .jsonl} files sorted by name. */
    static List<Path> traceFiles(Path fileOrFolder) {
        if (Files.isRegularFile(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        if (!Files.isDirectory(fileOrFolder)) {
            throw new TraceFormatException("no trace file or folder at " + fileOrFolder
                    + "; give a file written by JsonLinesTracer or a folder of such .jsonl files");
        }
        try (Stream<Path> files = Files.list(fileOrFolder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new TraceFormatException("cannot list trace folder " + fileOrFolder + ": " + e.getMessage(), e);
        }
    }

    private static List<ObjectNode> readFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TraceFormatException("cannot read trace file " + file + ": " + e.getMessage(), e);
        }
        List<ObjectNode> runs = new ArrayList<>();
        int complete = text.lastIndexOf('\n') + 1; // a line still being written has no newline yet
        String[] lines = text.substring(0, complete).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            runs.add(parse(line, file, i + 1));
        }
        return runs;
    }

    private static ObjectNode parse(String line, Path file, int number) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new TraceFormatException(file + " line " + number + " is not JSON (" + e.getOriginalMessage()
                    + "); a trace file holds one JSON object per line, as JsonLinesTracer writes it", e);
        }
        if (!(node instanceof ObjectNode run) || !run.path("run_id").isTextual() || !run.path("kind").isTextual()
                || !run.path("start").isTextual()) {
            throw new TraceFormatException(file + " line " + number
                    + " is not a run: a run object has at least run_id, kind and start, as JsonLinesTracer writes them");
        }
        return run;
    }
}
