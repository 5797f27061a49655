package dev.catena.retrieval.loaders;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file (or folder) a {@link DirectoryLoader} passed over, and why.
 *
 * @param path   the file or folder
 * @param reason what was wrong, e.g. "not readable" or the loader's error message
 * @param error  the exception or error behind it (an {@link OutOfMemoryError} from a loader too), or null
 */
public record SkippedFile(Path path, String reason, Throwable error) {

    /**
     * Checks that the path and the reason are present.
     *
     * @param path   the file or folder
     * @param reason what was wrong
     * @param error  the exception or error behind it, or null
     */
    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
