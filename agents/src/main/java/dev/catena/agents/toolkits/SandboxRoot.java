package dev.catena.agents.toolkits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one folder a {@link FileSystemToolkit} may touch, and the checks that keep a model's path
 * inside it. A path must be relative, use {@code /}, contain no {@code ..} and no NUL; every part of
 * it that exists is resolved through its symlinks, and the real path must stay inside the root's
 * real path. A failure is a {@link PathRefusedException} saying which rule the path broke.
 */
final class SandboxRoot {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private final Path realRoot;

    SandboxRoot(Path root) {
        try {
            this.realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("the root folder " + root + " cannot be opened", e);
        }
        if (!Files.isDirectory(realRoot)) {
            throw new IllegalArgumentException("the root " + root + " is not a folder");
        }
    }

    Path realRoot() {
        return realRoot;
    }

    /** A path as the model should see it: relative to the root, with {@code /}. */
    String show(Path path) {
        String relative = realRoot.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
        return relative.isEmpty() ? "." : relative;
    }

    /**
     * The checked location of a model's path inside the root. Existing parts are followed through
     * their symlinks (so the result is a real path up to the first part that does not exist yet).
     */
    Path resolve(String requested) {
        String path = requested == null ? "" : requested.strip();
        if (path.indexOf('\0') >= 0) {
            throw new PathRefusedException("the path contains a NUL character");
        }
        if (path.indexOf('\\') >= 0) {
            throw new PathRefusedException("the path '" + path + "' contains '\\'; use '/' between folder names");
        }
        if (DRIVE.matcher(path).matches()) {
            throw new PathRefusedException("the path '" + path + "' names a drive; give a path relative to the root folder");
        }
        if (path.startsWith("/") || path.startsWith("~")) {
            throw new PathRefusedException("the path '" + path + "' is absolute; give a path relative to the root folder");
        }
        Path current = realRoot;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new PathRefusedException("the path '" + path + "' contains '..'; only paths inside the root folder are allowed");
            }
            Path next = current.resolve(part);
            if (!next.normalize().startsWith(realRoot) || next.getParent() == null || !next.getParent().equals(current)) {
                throw new PathRefusedException("the path '" + path + "' leaves the root folder");
            }
            if (Files.isSymbolicLink(next)) {
                next = followLink(path, next);
            } else if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                // Nothing from here on exists yet, so nothing further can be a link: the rest is plain names.
                for (int j = i + 1; j < parts.length; j++) {
                    if (parts[j].equals("..")) {
                        throw new PathRefusedException("the path '" + path + "' contains '..'; only paths inside the root folder are allowed");
                    }
                }
                return next.resolve(String.join("/", java.util.Arrays.copyOfRange(parts, i + 1, parts.length))).normalize();
            }
            current = next;
        }
        return current;
    }

    private Path followLink(String path, Path link) {
        Path real;
        try {
            real = link.toRealPath();
        } catch (NoSuchFileException e) {
            throw new PathRefusedException("the path '" + path + "' goes through a symbolic link whose target does not exist");
        } catch (FileSystemException e) {
            throw new PathRefusedException("the path '" + path + "' goes through a symbolic link that cannot be resolved"
                    + " (a symlink loop?)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!real.startsWith(realRoot)) {
            throw new PathRefusedException("the path '" + path + "' goes through a symbolic link that points outside the root folder");
        }
        return real;
    }

    /** A path that breaks one of the root's rules. */
    static final class PathRefusedException extends RuntimeException {
        PathRefusedException(String message) {
            super(message);
        }
    }
}
