package dev.catena.retrieval.lucene;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Lucene's HNSW format with room for 4096 dimensions instead of its default 1024, so that common
 * embeddings (1536 for OpenAI's text-embedding-3-small, 3072 for -large) fit. It writes exactly
 * what the wrapped format writes and carries its name, so Lucene reads the index back with its
 * own format: only the indexing-time limit changes.
 */
final class WideHnswVectorsFormat extends KnnVectorsFormat {

    static final int MAX_DIMENSIONS = 4096;

    private final KnnVectorsFormat delegate;

    WideHnswVectorsFormat(KnnVectorsFormat delegate) {
        super(delegate.getName());
        this.delegate = delegate;
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
        return delegate.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
        return delegate.fieldsReader(state);
    }

    @Override
    public int getMaxDimensions(String fieldName) {
        return MAX_DIMENSIONS;
    }

    @Override
    public String toString() {
        return "Wide(" + delegate + ")";
    }
}
