package dev.catena.retrieval.stores;

import dev.catena.core.documents.Document;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads document text and metadata in a compact tagged binary form, keeping each
 * value's type (an Integer comes back an Integer). Shared by the in-memory store's file and the
 * stores in other artifacts (Lucene keeps {@link #encode} in a stored field); public for them, not
 * an API to build on.
 */
public final class MetadataCodec {

    // Value tags on disk: 0 null, 1 to 6 the scalars in Scalar's order, 7 list, 8 map. Never reorder them.
    private static final int NULL = 0;
    private static final int FIRST_SCALAR = 1;
    private static final int LIST = 7;
    private static final int MAP = 8;
    private static final int CHUNK = 1 << 16;

    /** The scalar value types: how each is written and read, side by side so the two cannot drift apart. */
    private enum Scalar {
        STRING(String.class, (out, v) -> writeString(out, (String) v), MetadataCodec::readString),
        INT(Integer.class, (out, v) -> out.writeInt((Integer) v), DataInput::readInt),
        LONG(Long.class, (out, v) -> out.writeLong((Long) v), DataInput::readLong),
        DOUBLE(Double.class, (out, v) -> out.writeDouble((Double) v), DataInput::readDouble),
        FLOAT(Float.class, (out, v) -> out.writeFloat((Float) v), DataInput::readFloat),
        BOOLEAN(Boolean.class, (out, v) -> out.writeBoolean((Boolean) v), DataInput::readBoolean);

        private final Class<?> type;
        private final ValueWriter writer;
        private final ValueReader reader;

        Scalar(Class<?> type, ValueWriter writer, ValueReader reader) {
            this.type = type;
            this.writer = writer;
            this.reader = reader;
        }

        static Scalar of(Object value) {
            for (Scalar s : SCALARS) {
                if (s.type == value.getClass()) {
                    return s;
                }
            }
            return null;
        }
    }

    private interface ValueWriter {
        void write(DataOutput out, Object value) throws IOException;
    }

    private interface ValueReader {
        Object read(DataInput in) throws IOException;
    }

    private static final Scalar[] SCALARS = Scalar.values();

    private MetadataCodec() {
    }

    /**
     * A whole document (id, text, metadata) as bytes.
     *
     * @param doc the document to write
     * @return its id, text and metadata in the tagged binary form {@link #decode} reads
     * @throws IOException never in practice (the bytes go to memory); declared by the data streams
     * @throws IllegalArgumentException if a metadata value is of a type the codec cannot keep
     */
    public static byte[] encode(Document doc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writeString(out, doc.id());
        writeString(out, doc.text());
        writeMetadata(out, doc.metadata(), doc.id());
        return bytes.toByteArray();
    }

    /**
     * The document {@link #encode} wrote into {@code bytes[offset, offset + length)}.
     *
     * @param bytes the buffer holding the encoded document
     * @param offset where the encoded document starts in {@code bytes}
     * @param length how many bytes it takes
     * @return the document with its id, text and typed metadata
     * @throws IOException if the bytes are truncated or are not what {@link #encode} writes
     *     (a negative length or count, an unknown value tag)
     */
    public static Document decode(byte[] bytes, int offset, int length) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length));
        return new Document(readString(in), readString(in), readMetadata(in));
    }

    static void writeString(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < -1) {
            throw new IOException("negative string length " + length);
        }
        if (length <= CHUNK) {
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        // A corrupted length must not allocate gigabytes before the stream runs out: grow as bytes arrive.
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        for (int left = length; left > 0; left -= CHUNK) {
            int n = Math.min(CHUNK, left);
            in.readFully(chunk, 0, n);
            buffer.write(chunk, 0, n);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    static void writeMetadata(DataOutput out, Map<String, Object> metadata, String documentId) throws IOException {
        out.writeInt(metadata.size());
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            writeString(out, e.getKey());
            writeValue(out, e.getValue(), e.getKey(), documentId);
        }
    }

    static Map<String, Object> readMetadata(DataInput in) throws IOException {
        int size = readCount(in);
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            metadata.put(readString(in), readValue(in));
        }
        return metadata;
    }

    private static void writeValue(DataOutput out, Object value, String key, String documentId) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        Scalar scalar = Scalar.of(value);
        if (scalar != null) {
            out.writeByte(scalar.ordinal() + FIRST_SCALAR);
            scalar.writer.write(out, value);
        } else if (value instanceof Collection<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object v : list) {
                writeValue(out, v, key, documentId);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeString(out, String.valueOf(e.getKey()));
                writeValue(out, e.getValue(), key, documentId);
            }
        } else {
            throw new IllegalArgumentException("metadata '" + key + "' of document " + documentId + " is a "
                    + value.getClass().getName() + ", which cannot be saved; use strings, integers, longs, "
                    + "floats, doubles, booleans, lists or maps of them");
        }
    }

    private static Object readValue(DataInput in) throws IOException {
        int tag = in.readByte();
        if (tag == NULL) {
            return null;
        }
        if (tag == LIST) {
            int n = readCount(in);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(readValue(in));
            }
            return Collections.unmodifiableList(list);
        }
        if (tag == MAP) {
            return Collections.unmodifiableMap(readMetadata(in));
        }
        if (tag < FIRST_SCALAR || tag >= FIRST_SCALAR + SCALARS.length) {
            throw new IOException("unknown metadata value tag " + tag);
        }
        return SCALARS[tag - FIRST_SCALAR].reader.read(in);
    }

    private static int readCount(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative count " + n);
        }
        return n;
    }
}
