package dev.catena.benchmarks.vectors;

import java.util.Random;

/**
 * The two vector distributions the HNSW benchmarks run on, 384-dimension unit vectors, fully
 * determined by their seed.
 *
 * <ul>
 *   <li>{@code clustered}: a Gaussian mixture in a 48-dimension latent space (500 centres drawn
 *       from N(0, 1), spread N(0, 0.5²) around each), mapped to 384 dimensions by a fixed random
 *       Gaussian matrix scaled by 1/√48, plus N(0, 0.1²) noise in every dimension, then scaled to
 *       unit length. Centres and matrix come from seed 42 whatever the sample seed, so documents
 *       and queries (different seeds) share their clusters, as embeddings of one corpus and of
 *       questions about it do: many dimensions, low intrinsic dimension.</li>
 *   <li>{@code uniform}: each coordinate N(0, 1), then scaled to unit length, which is uniform on
 *       the sphere: no structure for a graph to exploit, the hardest case for HNSW.</li>
 * </ul>
 */
final class HnswVectorSets {

    static final int DIMENSION = 384;
    private static final int LATENT = 48;
    private static final int CENTRES = 500;
    private static final long MIXTURE_SEED = 42;

    private HnswVectorSets() {
    }

    /**
     * {@return {@code count} unit vectors of the named distribution}
     *
     * @param name {@code clustered} or {@code uniform}
     * @param count how many
     * @param seed the sample seed
     */
    static float[][] vectors(String name, int count, long seed) {
        return switch (name) {
            case "clustered" -> clustered(count, seed);
            case "uniform" -> uniform(count, seed);
            default -> throw new IllegalArgumentException("unknown vector set '" + name + "'; use clustered or uniform");
        };
    }

    private static float[][] uniform(int count, long seed) {
        Random random = new Random(seed);
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] v = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                v[d] = (float) random.nextGaussian();
            }
            out[i] = toUnitLength(v);
        }
        return out;
    }

    private static float[][] clustered(int count, long seed) {
        Random mixture = new Random(MIXTURE_SEED);
        float[][] projection = new float[DIMENSION][LATENT];
        for (float[] row : projection) {
            for (int j = 0; j < LATENT; j++) {
                row[j] = (float) (mixture.nextGaussian() / Math.sqrt(LATENT));
            }
        }
        float[][] centres = new float[CENTRES][LATENT];
        for (float[] centre : centres) {
            for (int j = 0; j < LATENT; j++) {
                centre[j] = (float) mixture.nextGaussian();
            }
        }
        Random random = new Random(seed);
        float[][] out = new float[count][];
        float[] latent = new float[LATENT];
        for (int i = 0; i < count; i++) {
            float[] centre = centres[random.nextInt(CENTRES)];
            for (int j = 0; j < LATENT; j++) {
                latent[j] = centre[j] + 0.5f * (float) random.nextGaussian();
            }
            float[] v = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                double sum = 0;
                for (int j = 0; j < LATENT; j++) {
                    sum += projection[d][j] * latent[j];
                }
                v[d] = (float) (sum + 0.1 * random.nextGaussian());
            }
            out[i] = toUnitLength(v);
        }
        return out;
    }

    private static float[] toUnitLength(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        double norm = Math.sqrt(sum);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }
}
