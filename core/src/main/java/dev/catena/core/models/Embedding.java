package dev.catena.core.models;

import java.util.Arrays;
import java.util.Objects;

/**
 * A text's vector from an {@link EmbeddingModel}. The array is not copied: treat it as read-only.
 *
 * @param vector the vector; not copied, so do not change it
 */
public record Embedding(float[] vector) {

    /**
     * Requires the vector.
     *
     * @param vector the vector; not copied, so do not change it
     */
    public Embedding {
        Objects.requireNonNull(vector, "embedding vector");
    }

    /** {@return the number of dimensions of the vector} */
    public int dimension() {
        return vector.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        int shown = Math.min(4, vector.length);
        StringBuilder sb = new StringBuilder("Embedding[dim=").append(vector.length).append(", ");
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "[" : ", ").append(vector[i]);
        }
        return sb.append(vector.length > shown ? ", …]]" : "]]").toString();
    }
}
