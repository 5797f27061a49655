package dev.catena.retrieval.stores;

import dev.catena.core.documents.Document;
import dev.catena.core.vector.Distance;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk form of an {@link InMemoryVectorStore}: one file, {@value #FILE_NAME}, in the
 * store's folder.
 *
 * <pre>
 * magic "CATENAVS" (8 bytes) | format version (int) | distance name | dimension (int) | count (int)
 * vectors: count × dimension little-endian floats, in one block
 * documents: count × (id, text, metadata) in MetadataCodec's tagged form
 * CRC-32 of everything above (long)
 * </pre>
 *
 * <p>Integers are big-endian. The checksum catches a corrupted body; a short read catches a
 * truncated one. Writes go to a temporary file that is forced to disk and then atomically renamed.
 * The writer holds a lock on its temporary file, so the temporary files a crashed save left behind
 * (unlocked, since the operating system drops a dead process's locks) are told apart from a save in
 * progress; every save and load removes them.
 */
final class VectorStoreFile {

    private static final Logger LOG = LoggerFactory.getLogger(VectorStoreFile.class);

    static final String FILE_NAME = "vectors.catena";
    private static final byte[] MAGIC = "CATENAVS".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int FLOATS_PER_CHUNK = 1 << 14;

    /** What a file holds. */
    record Contents(Distance distance, int dimension, float[] vectors, Document[] documents) {
    }

    private VectorStoreFile() {
    }

    static void write(Path folder, Distance distance, int dimension, int count, float[] vectors, Document[] documents) {
        Path target = folder.resolve(FILE_NAME);
        Path temp = null;
        try {
            Files.createDirectories(folder);
            removeStaleTemporaries(folder);
            temp = Files.createTempFile(folder, FILE_NAME + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.lock(); // released when the channel closes, or by the OS if this process dies
                OutputStream raw = Channels.newOutputStream(channel);
                CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32());
                DataOutputStream out = new DataOutputStream(checked);
                out.write(MAGIC);
                out.writeInt(VERSION);
                MetadataCodec.writeString(out, distance.name());
                out.writeInt(dimension);
                out.writeInt(count);
                writeFloats(out, vectors, (long) count * dimension);
                for (int i = 0; i < count; i++) {
                    Document doc = documents[i];
                    MetadataCodec.writeString(out, doc.id());
                    MetadataCodec.writeString(out, doc.text());
                    MetadataCodec.writeMetadata(out, doc.metadata(), doc.id());
                }
                out.flush();
                // The checksum covers every byte written so far; write it unchecked-by-itself.
                new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
                channel.force(true);
            }
            move(temp, target);
            temp = null;
            forceDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the vector store to " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original error matters more than a leftover temporary file
                }
            }
        }
    }

    static Contents read(Path folder) {
        Path file = Files.isDirectory(folder) ? folder.resolve(FILE_NAME) : folder;
        if (Files.isDirectory(folder)) {
            removeStaleTemporaries(folder);
        }
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new VectorStoreFormatException("no saved vector store at " + file + "; save one there with save(folder) first", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        try (InputStream raw = Files.newInputStream(file)) {
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            int got = in.readNBytes(magic, 0, magic.length);
            if (got < magic.length || !Arrays.equals(magic, MAGIC)) {
                throw new VectorStoreFormatException(file + " is not a saved Catena vector store (it does not start with "
                        + "\"CATENAVS\"); pass the folder written by InMemoryVectorStore.save");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new VectorStoreFormatException(file + " has format version " + version + " but this Catena reads version "
                        + VERSION + "; load it with the Catena version that saved it, or re-create the store");
            }
            Distance distance = parseDistance(MetadataCodec.readString(in), file);
            int dimension = in.readInt();
            int count = in.readInt();
            long floats = (long) dimension * count;
            if (dimension < 0 || count < 0 || floats * Float.BYTES > fileSize) {
                throw new VectorStoreFormatException(file + " is corrupted or truncated: its header claims " + count
                        + " vectors of " + dimension + " dimensions, more than its " + fileSize + " bytes can hold; save the store again");
            }
            float[] vectors = readFloats(in, (int) floats);
            Document[] documents = new Document[count];
            for (int i = 0; i < count; i++) {
                String id = MetadataCodec.readString(in);
                String text = MetadataCodec.readString(in);
                if (id == null || text == null) {
                    throw new IOException("document " + i + " has no id or no text");
                }
                documents[i] = new Document(id, text, MetadataCodec.readMetadata(in));
            }
            long expected = checked.getChecksum().getValue();
            long stored = in.readLong();
            if (stored != expected || in.read() != -1) {
                throw new VectorStoreFormatException(file + " is corrupted (checksum mismatch or data after the end); "
                        + "restore it from a backup or save the store again");
            }
            return new Contents(distance, dimension, vectors, documents);
        } catch (EOFException e) {
            throw new VectorStoreFormatException(file + " is truncated (" + fileSize + " bytes, ended before all its "
                    + "vectors and documents were read); the save was cut short: save the store again", e);
        } catch (VectorStoreFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new VectorStoreFormatException(file + " could not be read as a saved vector store: " + e.getMessage()
                    + "; save the store again", e);
        }
    }

    private static Distance parseDistance(String name, Path file) {
        try {
            return Distance.valueOf(String.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new VectorStoreFormatException(file + " names an unknown distance '" + name + "'; it was written by a "
                    + "newer Catena or is corrupted", e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] data, long count) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(FLOATS_PER_CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long from = 0; from < count; from += FLOATS_PER_CHUNK) {
            int n = (int) Math.min(FLOATS_PER_CHUNK, count - from);
            bytes.clear();
            bytes.asFloatBuffer().put(data, (int) from, n);
            out.write(bytes.array(), 0, n * Float.BYTES);
        }
    }

    private static float[] readFloats(DataInputStream in, int count) throws IOException {
        float[] data = new float[count];
        ByteBuffer bytes = ByteBuffer.allocate(FLOATS_PER_CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int from = 0; from < count; from += FLOATS_PER_CHUNK) {
            int n = Math.min(FLOATS_PER_CHUNK, count - from);
            in.readFully(bytes.array(), 0, n * Float.BYTES);
            bytes.position(0).limit(n * Float.BYTES);
            bytes.asFloatBuffer().get(data, from, n);
        }
        return data;
    }

    /**
     * Deletes the temporary files of saves that died before their rename: those nobody holds a
     * lock on. A save in progress (here or in another process) keeps its lock, so its file stays.
     */
    static void removeStaleTemporaries(Path folder) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, FILE_NAME + ".*.tmp")) {
            for (Path temp : temps) {
                if (unlocked(temp)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // a leftover file wastes space but harms nothing; the save or load itself goes on
            LOG.warn("could not remove stale temporary files of the vector store in {}: {}", folder, e.toString());
        }
    }

    private static boolean unlocked(Path temp) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process is writing it
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // a save in this process is writing it
        } catch (NoSuchFileException e) {
            return false; // its save just finished and renamed it
        } catch (IOException e) {
            LOG.warn("could not check the temporary file {}: {}", temp, e.toString());
            return false;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target + " cannot rename atomically, so a save could "
                    + "corrupt the previous one; save to a local disk", e);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
    private static void forceDirectory(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Windows cannot open directories; the rename is still atomic there.
        }
    }
}
