package dev.catena.benchmarks.vectors;

import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.retrieval.stores.InMemoryVectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic stand-ins for sentence embeddings: unit vectors scattered around 1,000 random
 * topic centres (centre + gaussian noise, normalised), so that, like real embeddings, they are
 * clustered rather than uniform on the sphere. Queries come from the same distribution but are
 * not copies of stored vectors. The same seed gives the same data to every store in a run.
 */
final class SyntheticEmbeddings {

    static final int DIMENSION = 384;
    private static final int TOPICS = 1_000;
    private static final float NOISE = 0.6f;

    private SyntheticEmbeddings() {
    }

    /** {@code count} vectors, row after row in one array. */
    static float[] vectors(int count, long seed) {
        Random random = new Random(seed);
        float[][] centres = centres();
        float[] out = new float[count * DIMENSION];
        for (int i = 0; i < count; i++) {
            fill(random, centres[random.nextInt(TOPICS)], out, i * DIMENSION);
        }
        return out;
    }

    /** A store from {@code builder} holding the first {@code size} rows of {@code data} as documents {@code d0, d1, …}, added 50,000 at a time. */
    static InMemoryVectorStore fill(InMemoryVectorStore.Builder builder, float[] data, int size) {
        InMemoryVectorStore store = builder.build();
        int batch = 50_000;
        for (int from = 0; from < size; from += batch) {
            int to = Math.min(size, from + batch);
            List<Document> docs = new ArrayList<>(to - from);
            List<Embedding> vectors = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                docs.add(new Document("d" + i, "document " + i, Map.of()));
                vectors.add(new Embedding(SyntheticEmbeddings.row(data, i)));
            }
            store.addEmbeddings(docs, vectors);
        }
        return store;
    }

    static float[] row(float[] rows, int i) {
        float[] v = new float[DIMENSION];
        System.arraycopy(rows, i * DIMENSION, v, 0, DIMENSION);
        return v;
    }

    private static float[][] centres() {
        Random random = new Random(42);
        float[][] centres = new float[TOPICS][DIMENSION];
        for (float[] c : centres) {
            for (int d = 0; d < DIMENSION; d++) {
                c[d] = (float) random.nextGaussian();
            }
            normalise(c, 0, DIMENSION);
        }
        return centres;
    }

    private static void fill(Random random, float[] centre, float[] out, int offset) {
        float scale = NOISE / (float) Math.sqrt(DIMENSION);
        for (int d = 0; d < DIMENSION; d++) {
            out[offset + d] = centre[d] + scale * (float) random.nextGaussian();
        }
        normalise(out, offset, DIMENSION);
    }

    private static void normalise(float[] v, int offset, int length) {
        double norm = 0;
        for (int d = offset; d < offset + length; d++) {
            norm += v[d] * v[d];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = offset; d < offset + length; d++) {
            v[d] *= inv;
        }
    }
}
