package dev.catena.retrieval.stores;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads document text and metadata in a compact tagged binary form, keeping each
 * value's type (an Integer comes back an Integer). Shared by the in-memory store's file and the
 * Lucene store's stored field.
 */
final class MetadataCodec {

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INT = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int FLOAT = 5;
    private static final int BOOLEAN = 6;
    private static final int LIST = 7;
    private static final int MAP = 8;
    private static final int CHUNK = 1 << 16;

    private MetadataCodec() {
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
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
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
        return switch (tag) {
            case NULL -> null;
            case STRING -> readString(in);
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case FLOAT -> in.readFloat();
            case BOOLEAN -> in.readBoolean();
            case LIST -> {
                int n = readCount(in);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readValue(in));
                }
                yield java.util.Collections.unmodifiableList(list);
            }
            case MAP -> {
                int n = readCount(in);
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(readString(in), readValue(in));
                }
                yield java.util.Collections.unmodifiableMap(map);
            }
            default -> throw new IOException("unknown metadata value tag " + tag);
        };
    }

    private static int readCount(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative count " + n);
        }
        return n;
    }
}
