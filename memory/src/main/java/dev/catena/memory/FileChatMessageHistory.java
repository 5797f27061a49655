package dev.catena.memory;

import dev.catena.core.history.ChatMessageHistory;
import dev.catena.core.json.MessageJson;
import dev.catena.core.json.MessageJsonException;
import dev.catena.core.json.UnreadableMessage;
import dev.catena.core.json.UnreadableMessages;
import dev.catena.core.messages.ChatMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat message history on disk: one JSON Lines file per session in a folder. Every {@link #add}
 * appends one line (the file is never rewritten), then flushes and fsyncs before returning, so an
 * acknowledged message survives a crash or power loss. An add of one message writes it as one
 * LangChain {@code message_to_dict} object; an add of several writes one line holding the JSON
 * array of their objects (LangChain's {@code messages_to_dict} form), so the line's final newline
 * commits the whole add at once.
 *
 * <p>Crash safety: a crash in the middle of an append leaves a torn last line (no newline yet).
 * Reading skips it with a warning, so an add is seen whole or not at all (an AI message asking
 * for tools is never seen without the tool results added with it); the next append cuts it off
 * before writing. Concurrency: threads of one process are serialised per session, and appends that
 * wait are written together with one fsync (group commit); processes sharing the folder are
 * serialised by an OS file lock.
 *
 * <p>A complete line that cannot be read (edited by hand, say) is skipped and logged by default, so
 * the rest of the conversation stays readable; pass {@link UnreadableMessages#FAIL} to fail instead.
 *
 * <pre>{@code
 * ChatMessageHistory history = new FileChatMessageHistory(Path.of("chats"));
 * history.add("alice", ChatMessage.user("Hello"));
 * }</pre>
 */
public final class FileChatMessageHistory implements ChatMessageHistory {

    private static final Logger LOG = LoggerFactory.getLogger(FileChatMessageHistory.class);
    private static final int MAX_PLAIN_NAME = 120;

    /**
     * Lock stripes shared JVM-wide, so two history objects on one folder share a session's lock (an
     * OS file lock cannot serialise threads of one process), with bounded memory however many sessions.
     */
    private static final Stripe[] STRIPES = new Stripe[256];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Stripe();
        }
    }

    private final Path directory;
    private final UnreadableMessages unreadable;

    /**
     * A history in this folder, created if missing, that skips (and logs) messages it cannot read.
     *
     * @param directory the folder holding one file per session
     */
    public FileChatMessageHistory(Path directory) {
        this(directory, UnreadableMessages.SKIP);
    }

    /**
     * A history in this folder, created if missing; {@code unreadable} chooses what reading does
     * with a stored message it cannot read (skip it, or fail).
     *
     * @param directory the folder holding one file per session
     * @param unreadable what reading does with a stored message it cannot read
     */
    public FileChatMessageHistory(Path directory, UnreadableMessages unreadable) {
        this.unreadable = Objects.requireNonNull(unreadable, "unreadable-message choice");
        Path absolute = directory.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
            // The real path, so that histories naming one folder differently (.., symbolic links)
            // share its sessions' locks: the OS file lock does not serialise threads of one JVM.
            this.directory = absolute.toRealPath();
        } catch (IOException e) {
            throw new ChatHistoryException("cannot create chat history folder " + absolute
                    + " (" + e + "); check the path and its permissions", e);
        }
    }

    /**
     * The folder holding one file per session (its real path).
     *
     * @return the folder's real, absolute path
     */
    public Path directory() {
        return directory;
    }

    /**
     * The file of a session: {@code <name>.jsonl}, where the name is the session id with every
     * character other than {@code a-z 0-9 _ -} percent-encoded as UTF-8 bytes (so ids that differ
     * only in case stay apart on case-insensitive file systems), or {@code sha256-<hex>} when that
     * would be longer than 120 characters.
     *
     * @param sessionId the session's id, not empty
     * @return the session's file in {@link #directory()}, which may not exist yet
     */
    public Path fileFor(String sessionId) {
        StoredMessage.checkSessionId(sessionId);
        return directory.resolve(fileName(sessionId));
    }

    static String fileName(String sessionId) {
        StringBuilder sb = new StringBuilder();
        for (byte b : sessionId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        if (sb.length() > MAX_PLAIN_NAME) {
            return "sha256-" + sha256(sessionId) + ".jsonl";
        }
        return sb.append(".jsonl").toString();
    }

    @Override
    public void add(String sessionId, List<? extends ChatMessage> messages) {
        Path file = fileFor(sessionId);
        if (messages.isEmpty()) {
            return;
        }
        // One line per add: its newline, written last, is what makes the add visible.
        messages.forEach(m -> Objects.requireNonNull(m, "message"));
        String line = messages.size() == 1 ? StoredMessage.write(messages.get(0)) : MessageJson.writeLangChain(messages);
        stripe(file).append(new PendingAppend(file, (line + '\n').getBytes(StandardCharsets.UTF_8)), sessionId);
    }

    @Override
    public List<ChatMessage> messages(String sessionId) {
        Path file = fileFor(sessionId);
        Stripe stripe = stripe(file);
        byte[] bytes;
        stripe.lock.lock();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
            bytes = readAll(channel);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ChatHistoryException("cannot read chat history file " + file + " of session '" + sessionId
                    + "' (" + e + ")", e);
        } finally {
            stripe.lock.unlock();
        }
        return parse(bytes, file, sessionId, unreadable);
    }

    @Override
    public void clear(String sessionId) {
        Path file = fileFor(sessionId);
        Stripe stripe = stripe(file);
        stripe.lock.lock();
        // Emptied, not deleted: another process may be waiting for the lock of this very file.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            channel.truncate(0);
            channel.force(true);
        } catch (NoSuchFileException e) {
            // nothing stored: already clear
        } catch (IOException e) {
            throw new ChatHistoryException("cannot clear chat history file " + file + " (" + e + ")", e);
        } finally {
            stripe.lock.unlock();
        }
    }

    private static Stripe stripe(Path file) {
        return STRIPES[Math.floorMod(file.hashCode(), STRIPES.length)];
    }

    /** The lock serialising this file's appends in this JVM (for tests that line appends up in one batch). */
    static ReentrantLock appendLock(Path file) {
        return stripe(file).lock;
    }

    static List<ChatMessage> parse(byte[] bytes, Path file, String sessionId, UnreadableMessages unreadable) {
        List<ChatMessage> result = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lineNumber++;
                if (i > start) {
                    String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                    readLine(line, file, lineNumber, result, unreadable);
                }
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            // No newline yet: an append that crashed half-way (or is being written by another process).
            LOG.warn("Skipping an incomplete last line ({} bytes) in chat history file {} of session '{}': "
                    + "a write was interrupted; the {} complete messages before it are intact",
                    bytes.length - start, file, sessionId, result.size());
        }
        return result;
    }

    /**
     * One line: a message object, or the array of one add's messages. The line is named in an
     * error only: most reads meet none, and naming it (file and line number) costs a string per line.
     */
    private static void readLine(String line, Path file, int lineNumber, List<ChatMessage> into,
            UnreadableMessages unreadable) {
        int base = into.size();
        if (!line.stripLeading().startsWith("[")) {
            into.addAll(StoredMessage.readAll(List.of(line), i -> where(file, lineNumber), shifted(unreadable, base)));
            return;
        }
        try {
            into.addAll(MessageJson.readLangChain(line, bad -> unreadable.unreadable(new UnreadableMessage(
                    base + bad.position(), unreadableError(where(file, lineNumber), bad.error())))));
        } catch (MessageJsonException e) {
            unreadable.unreadable(new UnreadableMessage(base, unreadableError(where(file, lineNumber), e)));
        }
    }

    private static String where(Path file, int lineNumber) {
        return "at " + file + " line " + lineNumber;
    }

    private static UnreadableMessages shifted(UnreadableMessages unreadable, int base) {
        return bad -> unreadable.unreadable(new UnreadableMessage(base + bad.position(), bad.error()));
    }

    private static ChatHistoryException unreadableError(String where, RuntimeException e) {
        return new ChatHistoryException("stored messages " + where + " are not a LangChain messages_to_dict array ("
                + e.getMessage() + "); fix or delete that line", e);
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("file too large to read at once (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading until full
        }
        return buffer.array();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Lines waiting to be appended, and what became of them. */
    private static final class PendingAppend {
        final Path file;
        final byte[] bytes;
        boolean done; // written under the stripe's lock, read after taking it
        Throwable failure;

        PendingAppend(Path file, byte[] bytes) {
            this.file = file;
            this.bytes = bytes;
        }
    }

    /** A lock for the session files hashed to it, and their queue of waiting appends. */
    private static final class Stripe {
        final ReentrantLock lock = new ReentrantLock();
        final Queue<PendingAppend> pending = new ConcurrentLinkedQueue<>();

        void append(PendingAppend mine, String sessionId) {
            pending.add(mine);
            lock.lock();
            try {
                if (!mine.done) {
                    writeQueued();
                }
            } finally {
                lock.unlock();
            }
            if (mine.failure != null) {
                throw new ChatHistoryException("cannot append to chat history file " + mine.file + " of session '"
                        + sessionId + "' (" + mine.failure + "); check disk space and permissions", mine.failure);
            }
        }

        /**
         * Writes every append queued so far, in queue order, with one fsync per file. Whatever goes
         * wrong (an unchecked exception or an error too), every append taken off the queue ends up
         * done, and failed unless its file was written and synced: the others' threads are waiting
         * for exactly this.
         */
        private void writeQueued() {
            Map<Path, List<PendingAppend>> byFile = new LinkedHashMap<>();
            for (PendingAppend p; (p = pending.poll()) != null; ) {
                byFile.computeIfAbsent(p.file, f -> new ArrayList<>()).add(p);
            }
            Throwable fatal = null;
            for (Map.Entry<Path, List<PendingAppend>> entry : byFile.entrySet()) {
                Throwable failure = fatal;
                if (failure == null) {
                    try {
                        writeAll(entry.getKey(), entry.getValue());
                    } catch (IOException | RuntimeException e) {
                        failure = e;
                    } catch (Error e) {
                        failure = e;
                        fatal = e; // not worth trying the other files; rethrown below once all are marked
                    }
                }
                for (PendingAppend p : entry.getValue()) {
                    p.failure = failure;
                    p.done = true;
                }
            }
            if (fatal != null) {
                throw (Error) fatal;
            }
        }

        private static void writeAll(Path file, List<PendingAppend> batch) throws IOException {
            boolean created = !Files.exists(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                long size = channel.size();
                long end = completeLength(channel, size);
                if (end < size) {
                    LOG.warn("Cutting off an incomplete last line ({} bytes) of chat history file {} left by an "
                            + "interrupted write", size - end, file);
                    channel.truncate(end);
                }
                channel.position(end);
                try {
                    for (PendingAppend p : batch) {
                        ByteBuffer buffer = ByteBuffer.wrap(p.bytes);
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                    }
                    channel.force(false);
                    if (created) {
                        syncFolder(file.getParent());
                    }
                } catch (IOException | RuntimeException | Error e) {
                    // Every append of the batch is reported failed, so none of its lines may stay behind
                    // for a reader to see (or a retry to duplicate).
                    try {
                        channel.truncate(end);
                    } catch (IOException | RuntimeException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
            }
        }

        /**
         * Makes a new session file's name durable: without it a power cut right after the first
         * append can lose the whole file. Folders cannot be opened for syncing on every platform
         * (Windows refuses); there the file's own sync is all there is.
         */
        private static void syncFolder(Path folder) {
            try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("cannot sync folder {} ({}); relying on the file's own sync", folder, e.toString());
            }
        }

        /** The length of the file up to and including its last newline. */
        private static long completeLength(FileChannel channel, long size) throws IOException {
            ByteBuffer block = ByteBuffer.allocate(8192);
            long end = size;
            while (end > 0) {
                int length = (int) Math.min(block.capacity(), end);
                block.clear().limit(length);
                long from = end - length;
                while (block.hasRemaining() && channel.read(block, from + block.position()) >= 0) {
                    // a file channel may return fewer bytes than asked
                }
                for (int i = length - 1; i >= 0; i--) {
                    if (block.get(i) == '\n') {
                        return from + i + 1;
                    }
                }
                end = from;
            }
            return 0;
        }
    }
}
