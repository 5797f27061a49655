package dev.catena.retrieval.loaders;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks a folder lazily, depth first, in name order (a folder's files before its sub-folders),
 * holding one folder's listing at a time.
 * Unlike {@code Files.walk}, a folder that cannot be listed is reported and passed over instead
 * of ending the walk.
 *
 * <p>Symbolic links are resolved: a link whose target lies outside the root is reported and
 * passed over unless links out of the root are allowed; a link to a folder is walked unless that
 * folder was walked already (a link loop, or a second way to the same folder), which is reported.
 */
final class FileTree implements Iterator<Path> {

    private final Deque<Path> folders = new ArrayDeque<>();
    private final Deque<Path> files = new ArrayDeque<>();
    private final Set<Path> walked = new HashSet<>();
    private final Path realRoot;
    private final boolean recursive;
    private final boolean includeHidden;
    private final boolean linksOutsideRoot;
    private final Consumer<SkippedFile> skipped;

    FileTree(Path root, boolean recursive, boolean includeHidden, boolean linksOutsideRoot,
             Consumer<SkippedFile> skipped) {
        this.folders.push(root);
        this.realRoot = realPath(root);
        this.recursive = recursive;
        this.includeHidden = includeHidden;
        this.linksOutsideRoot = linksOutsideRoot;
        this.skipped = skipped;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    @Override
    public boolean hasNext() {
        while (files.isEmpty() && !folders.isEmpty()) {
            list(folders.pop());
        }
        return !files.isEmpty();
    }

    @Override
    public Path next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return files.pop();
    }

    private void list(Path folder) {
        if (!walked.add(realPath(folder))) {
            skipped.accept(new SkippedFile(folder, "a link to " + realPath(folder)
                    + ", which was walked already (a link loop or a second way to the same folder)", null));
            return;
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                entries.add(p);
            }
        } catch (IOException | RuntimeException e) {
            skipped.accept(new SkippedFile(folder, "folder could not be listed: " + e, e));
            return;
        }
        entries.sort(null);
        List<Path> subfolders = new ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (!includeHidden && name.startsWith(".")) {
                continue;
            }
            if (Files.isSymbolicLink(p) && Files.exists(p) && !linksOutsideRoot) {
                Path target = realPath(p);
                if (!target.startsWith(realRoot)) {
                    skipped.accept(new SkippedFile(p, "a link to " + target + ", outside the folder being loaded ("
                            + realRoot + "); allow it with linksOutsideRoot(true)", null));
                    continue;
                }
            }
            if (Files.isDirectory(p)) {
                if (recursive) {
                    subfolders.add(p);
                }
            } else if (Files.isRegularFile(p) || Files.isSymbolicLink(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                files.add(p);
            }
        }
        for (int i = subfolders.size() - 1; i >= 0; i--) {
            folders.push(subfolders.get(i));
        }
    }
}
