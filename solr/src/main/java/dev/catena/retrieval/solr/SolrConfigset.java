package dev.catena.retrieval.solr;

import dev.catena.core.vector.Distance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The configset Catena's collections use, for one vector dimension and similarity: the schema
 * and solrconfig in this package's {@code configset} resources, zipped as Solr's configset upload
 * takes them.
 */
final class SolrConfigset {

    /** The schema's vector field type; its attributes tell an existing collection's dimension. */
    static final String VECTOR_TYPE = "catena_vector";

    private static final List<String> FILES = List.of("managed-schema.xml", "solrconfig.xml");

    private SolrConfigset() {
    }

    /** Solr's name for the similarity that ranks as {@code distance} scores. */
    static String similarity(Distance distance) {
        return switch (distance) {
            case COSINE -> "cosine";
            // Lucene's dot_product assumes unit vectors; max_inner_product ranks any vectors by their dot product.
            case DOT_PRODUCT -> "max_inner_product";
            case EUCLIDEAN -> "euclidean";
        };
    }

    /** The configset's name: one per dimension and similarity, shared by collections that agree on both. */
    static String name(int dimension, Distance distance) {
        return "catena-" + dimension + "-" + distance.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The configset as a zip archive. */
    static byte[] zip(int dimension, Distance distance) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : FILES) {
                String text = resource(file)
                        .replace("${dimension}", Integer.toString(dimension))
                        .replace("${similarity}", similarity(distance));
                zip.putNextEntry(new ZipEntry(file));
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not zip Catena's Solr configset", e);
        }
        return bytes.toByteArray();
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = SolrConfigset.class.getResourceAsStream("configset/" + file)) {
            if (in == null) {
                throw new IOException("configset file " + file + " is missing from the catena-solr jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
