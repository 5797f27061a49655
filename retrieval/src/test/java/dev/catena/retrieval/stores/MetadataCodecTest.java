package dev.catena.retrieval.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataCodecTest {

    @Test
    void valueTagsOnDiskStayAsInFormatVersionOne() throws IOException {
        // Files saved before must keep loading: the tag of each type is part of the format.
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("s", "x");
        metadata.put("i", 7);
        metadata.put("l", 8L);
        metadata.put("d", 1.5);
        metadata.put("f", 2.5f);
        metadata.put("b", true);
        metadata.put("list", List.of(1));
        metadata.put("map", Map.of("k", "v"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MetadataCodec.writeMetadata(new DataOutputStream(bytes), metadata, "doc");

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        out.writeInt(8);
        key(out, "s").writeByte(1);
        out.writeInt(1);
        out.write('x');
        key(out, "i").writeByte(2);
        out.writeInt(7);
        key(out, "l").writeByte(3);
        out.writeLong(8);
        key(out, "d").writeByte(4);
        out.writeDouble(1.5);
        key(out, "f").writeByte(5);
        out.writeFloat(2.5f);
        key(out, "b").writeByte(6);
        out.writeBoolean(true);
        key(out, "list").writeByte(7);
        out.writeInt(1);
        out.writeByte(2);
        out.writeInt(1);
        key(out, "map").writeByte(8);
        out.writeInt(1);
        key(out, "k").writeByte(1);
        out.writeInt(1);
        out.write('v');
        assertThat(bytes.toByteArray()).isEqualTo(expected.toByteArray());

        Map<String, Object> read = MetadataCodec.readMetadata(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(read).isEqualTo(metadata);
        assertThat(read.get("f")).isInstanceOf(Float.class);
    }

    @Test
    void anUnknownTagIsAFormatError() {
        byte[] bytes = {0, 0, 0, 1, 0, 0, 0, 1, 'k', 9};
        assertThatThrownBy(() -> MetadataCodec.readMetadata(new DataInputStream(new ByteArrayInputStream(bytes))))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown metadata value tag 9");
    }

    private static DataOutputStream key(DataOutputStream out, String key) throws IOException {
        out.writeInt(key.length());
        out.writeBytes(key);
        return out;
    }
}
