package dev.catena.retrieval.solr;

import dev.catena.core.components.RetryPolicy;
import dev.catena.core.components.RunConfig;
import dev.catena.core.documents.Document;
import dev.catena.core.models.Embedding;
import dev.catena.core.models.EmbeddingModel;
import dev.catena.core.vector.Distance;
import dev.catena.retrieval.stores.Filter;
import dev.catena.retrieval.stores.MetadataCodec;
import dev.catena.retrieval.stores.ScoredDocument;
import dev.catena.retrieval.stores.VectorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

/**
 * A vector store on Apache Solr: documents are sharded and replicated by SolrCloud, searched with
 * Solr's HNSW dense-vector index ({@code {!knn}}), filtered by metadata with Solr filter queries
 * applied during the search, and searchable by keywords too ({@link #hybridSearch}).
 *
 * <p>Connect through ZooKeeper ({@link Builder#zkHosts}) or an HTTP base URL of any Solr node
 * ({@link Builder#baseUrl}). {@link Builder#build} creates the collection when it is missing, with
 * a configset whose vector field has the embedding model's dimension and the store's similarity,
 * and refuses an existing collection set up for other vectors. Each add is sent in batches and
 * ends with a soft commit, so what {@code addEmbeddings} returned is visible to searches and, once
 * Solr acknowledged it, in every replica's transaction log. Transient failures (lost
 * connections, a node restarting, 503) are retried under the {@link RetryPolicy}.
 *
 * <p>Scores are {@link Distance#score} of the query and the stored vector, the same numbers as
 * every other Catena store. Close the store to release its HTTP and ZooKeeper connections.
 *
 * <pre>{@code
 * try (SolrVectorStore store = SolrVectorStore.builder(new HashingEmbeddingModel())
 *         .zkHosts(List.of("zk1:2181", "zk2:2181", "zk3:2181"))
 *         .collection("knowledge")
 *         .shards(4).replicas(2)
 *         .build()) {
 *     store.addDocuments(List.of(Document.of("cats purr"), Document.of("dogs bark")));
 *     List<ScoredDocument> hits = store.hybridSearch("purring cat", 4, Filter.eq("lang", "en"));
 * }
 * }</pre>
 */
public final class SolrVectorStore implements VectorStore, AutoCloseable {

    static final String ID = "id";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String STORED_DOCUMENT = "catena_doc";
    private static final String RETURNED_FIELDS = ID + "," + STORED_DOCUMENT + "," + VECTOR + ",score";
    /** The constant of reciprocal rank fusion, as in the paper that introduced it and LangChain's ensemble retriever. */
    private static final int RRF_CONSTANT = 60;
    /** Ids per delete request: each becomes a boolean clause, and Solr allows 1024 by default. */
    private static final int IDS_PER_REQUEST = 500;

    private final EmbeddingModel embeddingModel;
    private final Distance distance;
    private final SolrClient client;
    private final String collection;
    private final int dimension;
    private final int batchSize;
    private final int knnCandidates;
    private final RetryPolicy retryPolicy;

    private SolrVectorStore(Builder b, SolrClient client, int dimension) {
        this.embeddingModel = b.embeddingModel;
        this.distance = b.distance;
        this.client = client;
        this.collection = b.collection;
        this.dimension = dimension;
        this.batchSize = b.batchSize;
        this.knnCandidates = b.knnCandidates;
        this.retryPolicy = b.retryPolicy;
    }

    /**
     * A builder for a store whose documents and text queries {@code embeddingModel} embeds.
     *
     * @param embeddingModel embeds documents and text queries; not null
     * @return a builder
     */
    public static Builder builder(EmbeddingModel embeddingModel) {
        return new Builder(embeddingModel);
    }

    @Override
    public EmbeddingModel embeddingModel() {
        return embeddingModel;
    }

    @Override
    public Distance distance() {
        return distance;
    }

    /**
     * The Solr collection this store reads and writes.
     *
     * @return the collection's name
     */
    public String collection() {
        return collection;
    }

    /**
     * The vector dimension of the collection.
     *
     * @return the number of components of every stored vector
     */
    public int dimension() {
        return dimension;
    }

    @Override
    public List<String> addEmbeddings(List<Document> documents, List<Embedding> embeddings) {
        if (documents.size() != embeddings.size()) {
            throw new IllegalArgumentException(documents.size() + " documents but " + embeddings.size()
                    + " embeddings; pass one embedding per document");
        }
        List<String> ids = new ArrayList<>(documents.size());
        List<SolrInputDocument> inputs = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            Document doc = documents.get(i);
            float[] vector = embeddings.get(i).vector();
            checkDimension(vector, "embedding " + i);
            String id = doc.id() != null ? doc.id() : UUID.randomUUID().toString();
            Document stored = new Document(id, doc.text(), doc.metadata());
            ids.add(id);
            inputs.add(toSolr(stored, vector));
        }
        for (int from = 0; from < inputs.size(); from += batchSize) {
            UpdateRequest update = new UpdateRequest();
            update.add(inputs.subList(from, Math.min(inputs.size(), from + batchSize)));
            // Adding the same ids again replaces the same documents, so a retried batch cannot duplicate.
            call("adding " + update.getDocuments().size() + " documents", () -> update.process(client, collection));
        }
        if (!inputs.isEmpty()) {
            softCommit();
        }
        return ids;
    }

    private SolrInputDocument toSolr(Document doc, float[] vector) {
        SolrInputDocument in = new SolrInputDocument();
        in.addField(ID, doc.id());
        if (doc.text() != null) {
            in.addField(TEXT, doc.text());
        }
        List<Float> values = new ArrayList<>(vector.length);
        for (float v : vector) {
            values.add(v);
        }
        in.addField(VECTOR, values);
        try {
            in.addField(STORED_DOCUMENT, MetadataCodec.encode(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode document " + doc.id(), e);
        }
        MetadataFields.index(in, doc.metadata());
        return in;
    }

    @Override
    public int delete(Collection<String> ids) {
        List<String> unique = List.copyOf(new LinkedHashSet<>(ids));
        int removed = 0;
        for (int from = 0; from < unique.size(); from += IDS_PER_REQUEST) {
            List<String> batch = unique.subList(from, Math.min(unique.size(), from + IDS_PER_REQUEST));
            String query = ID + ":(" + String.join(" OR ",
                    batch.stream().map(id -> "\"" + ClientUtils.escapeQueryChars(id) + "\"").toList()) + ")";
            removed += count(query);
            UpdateRequest update = new UpdateRequest();
            update.deleteById(new ArrayList<>(batch));
            call("deleting " + batch.size() + " documents", () -> update.process(client, collection));
        }
        if (!unique.isEmpty()) {
            softCommit();
        }
        return removed;
    }

    /**
     * Removes every document that passes {@code filter}; returns how many there were.
     *
     * @param filter the condition on metadata; not null
     * @return the number of documents removed
     * @throws UnsupportedFilterException if Solr cannot express the filter exactly
     */
    public int deleteByFilter(Filter filter) {
        String query = SolrFilterQuery.of(Objects.requireNonNull(filter, "filter"));
        int removed = count(query);
        UpdateRequest update = new UpdateRequest();
        update.deleteByQuery(query);
        call("deleting by filter", () -> update.process(client, collection));
        softCommit();
        return removed;
    }

    @Override
    public int size() {
        return count("*:*");
    }

    private int count(String filterQuery) {
        SolrQuery query = new SolrQuery("*:*");
        query.addFilterQuery(filterQuery);
        query.setRows(0);
        long found = call("counting documents", () -> client.query(collection, query, SolrRequest.METHOD.POST))
                .getResults().getNumFound();
        return Math.toIntExact(found);
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnsupportedFilterException if Solr cannot express the filter exactly
     */
    @Override
    public List<ScoredDocument> searchByVector(float[] vector, int k, Filter filter) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, was " + k);
        }
        checkDimension(vector, "query vector");
        if (k == 0) {
            return List.of();
        }
        SolrQuery query = knnQuery(vector, k, filter);
        List<ScoredDocument> hits = hits(call("searching by vector",
                () -> client.query(collection, query, SolrRequest.METHOD.POST)).getResults(), vector);
        hits.sort(Comparator.comparingDouble(ScoredDocument::score).reversed());
        return hits;
    }

    private SolrQuery knnQuery(float[] vector, int k, Filter filter) {
        StringBuilder q = new StringBuilder("{!knn f=" + VECTOR + " topK=" + Math.max(k, knnCandidates) + "}[");
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                q.append(',');
            }
            q.append(vector[i]);
        }
        SolrQuery query = new SolrQuery(q.append(']').toString());
        query.setRows(k);
        query.setFields(RETURNED_FIELDS);
        if (filter != null) {
            // Filter queries next to a knn query are pre-filters: the k nearest among the matching documents.
            query.addFilterQuery(SolrFilterQuery.of(filter));
        }
        return query;
    }

    /**
     * The {@code k} best documents for {@code query} by keywords and by meaning together: the
     * {@code max(k, 20)} best by keyword relevance (BM25 on the text, Chinese, Japanese and Korean
     * by character pairs) and the as many nearest by vector are fused by reciprocal rank
     * ({@code Σ 1 / (60 + rank)}), which is also each hit's score. Solr 9 fuses scores only by
     * adding them, which mixes incomparable scales, so the two lists come from two requests.
     *
     * @param query the text to search for
     * @param k how many documents to return; 0 returns none
     * @param filter the condition on metadata every hit meets, or null for none
     * @return at most {@code k} documents, best first
     * @throws IllegalArgumentException if {@code k} is negative
     * @throws UnsupportedFilterException if Solr cannot express the filter exactly
     */
    public List<ScoredDocument> hybridSearch(String query, int k, Filter filter) {
        Objects.requireNonNull(query, "query");
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, was " + k);
        }
        if (k == 0) {
            return List.of();
        }
        int fetch = Math.max(k, 20);
        float[] vector = embedQuery(query, RunConfig.defaults());
        SolrQuery keywords = new SolrQuery(query);
        keywords.set("defType", "edismax");
        keywords.set("qf", TEXT);
        keywords.set("q.op", "OR");
        keywords.setRows(fetch);
        keywords.setFields(RETURNED_FIELDS);
        if (filter != null) {
            keywords.addFilterQuery(SolrFilterQuery.of(filter));
        }
        List<ScoredDocument> byKeywords = hits(call("searching by keywords",
                () -> client.query(collection, keywords, SolrRequest.METHOD.POST)).getResults(), vector);
        List<ScoredDocument> byVector = searchByVector(vector, fetch, filter);
        Map<String, Double> fused = new HashMap<>();
        Map<String, ScoredDocument> byId = new LinkedHashMap<>();
        for (List<ScoredDocument> ranking : List.of(byKeywords, byVector)) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                ScoredDocument hit = ranking.get(rank);
                fused.merge(hit.document().id(), 1.0 / (RRF_CONSTANT + rank + 1), Double::sum);
                byId.putIfAbsent(hit.document().id(), hit);
            }
        }
        return byId.values().stream()
                .map(h -> new ScoredDocument(h.document(), fused.get(h.document().id()), h.embedding()))
                .sorted(Comparator.comparingDouble(ScoredDocument::score).reversed())
                .limit(k)
                .toList();
    }

    private List<ScoredDocument> hits(SolrDocumentList results, float[] queryVector) {
        List<ScoredDocument> hits = new ArrayList<>(results.size());
        for (SolrDocument d : results) {
            float[] stored = vector(d);
            Document doc = document(d);
            hits.add(new ScoredDocument(doc, distance.score(queryVector, stored), new Embedding(stored)));
        }
        return hits;
    }

    private static Document document(SolrDocument d) {
        Object value = d.getFirstValue(STORED_DOCUMENT);
        byte[] bytes;
        if (value instanceof byte[] b) {
            bytes = b;
        } else if (value instanceof ByteBuffer buffer) {
            bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
        } else {
            throw new SolrStoreException("document " + d.getFirstValue(ID) + " has no " + STORED_DOCUMENT
                    + " field; it was not written by Catena's SolrVectorStore");
        }
        try {
            return MetadataCodec.decode(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new SolrStoreException("document " + d.getFirstValue(ID) + " has a corrupt " + STORED_DOCUMENT, e);
        }
    }

    private static float[] vector(SolrDocument d) {
        Collection<Object> values = d.getFieldValues(VECTOR);
        if (values == null) {
            throw new SolrStoreException("document " + d.getFirstValue(ID) + " has no stored vector");
        }
        float[] vector = new float[values.size()];
        int i = 0;
        for (Object v : values) {
            vector[i++] = ((Number) v).floatValue();
        }
        return vector;
    }

    private void checkDimension(float[] vector, String what) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(what + " has " + vector.length + " dimensions but collection '"
                    + collection + "' holds " + dimension + "-dimension vectors; embed queries and documents with the same model");
        }
    }

    private void softCommit() {
        call("committing", () -> client.commit(collection, true, true, true));
    }

    /** A Solr call that may be retried. */
    @FunctionalInterface
    interface SolrCall<T> {
        T run() throws SolrServerException, IOException;
    }

    private <T> T call(String what, SolrCall<T> call) {
        return call(retryPolicy, what, call);
    }

    static <T> T call(RetryPolicy retryPolicy, String what, SolrCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (SolrServerException | IOException | SolrException e) {
                if (!TransientSolrFailure.test(e) || !retryPolicy.shouldRetry(e, attempt)) {
                    throw new SolrStoreException(what + " failed (attempt " + attempt + " of at most "
                            + retryPolicy.maxAttempts() + "): " + e.getMessage(), e);
                }
                try {
                    retryPolicy.sleep(retryPolicy.delayAfter(e, attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new SolrStoreException(what + " was interrupted while waiting to retry", interrupted);
                }
            }
        }
    }

    /** Closes the Solr client. */
    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the Solr client", e);
        }
    }

    /** Configures and builds a {@link SolrVectorStore}. */
    public static final class Builder {
        private final EmbeddingModel embeddingModel;
        private List<String> zkHosts;
        private String zkChroot;
        private String baseUrl;
        private String collection = "catena";
        private Distance distance = Distance.COSINE;
        private int dimension;
        private int shards = 1;
        private int replicas = 1;
        private boolean createIfMissing = true;
        private int batchSize = 500;
        private int knnCandidates = 100;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);

        private Builder(EmbeddingModel embeddingModel) {
            this.embeddingModel = Objects.requireNonNull(embeddingModel, "embedding model");
        }

        /**
         * Connects to SolrCloud through these ZooKeeper hosts ({@code host:port}).
         *
         * @param value one or more {@code host:port} addresses
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is empty
         */
        public Builder zkHosts(List<String> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("zkHosts needs at least one host:port");
            }
            this.zkHosts = List.copyOf(value);
            return this;
        }

        /**
         * The ZooKeeper path Solr's data lives under, if not the root (such as {@code /solr}).
         *
         * @param value the chroot path, such as {@code /solr}
         * @return this builder
         */
        public Builder zkChroot(String value) {
            this.zkChroot = Objects.requireNonNull(value, "zkChroot");
            return this;
        }

        /**
         * Connects over HTTP to one Solr node ({@code http://host:8983/solr}). Creating a missing
         * collection needs the node to run in SolrCloud mode; a standalone core must exist already.
         *
         * @param value the node's base URL
         * @return this builder
         */
        public Builder baseUrl(String value) {
            this.baseUrl = Objects.requireNonNull(value, "baseUrl");
            return this;
        }

        /**
         * The collection to use (default {@code catena}).
         *
         * @param value the collection's name, not blank
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is null or blank
         */
        public Builder collection(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("collection name must not be blank");
            }
            this.collection = value;
            return this;
        }

        /**
         * How vectors are compared (default cosine); fixed in the collection's schema when it is created.
         *
         * @param value the distance
         * @return this builder
         */
        public Builder distance(Distance value) {
            this.distance = Objects.requireNonNull(value, "distance");
            return this;
        }

        /**
         * The embedding model's dimension; when not set, one probe text is embedded to find it.
         *
         * @param value the dimension, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is less than 1
         */
        public Builder dimension(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("dimension must be at least 1, was " + value);
            }
            this.dimension = value;
            return this;
        }

        /**
         * Shards of a collection created by {@link #build} (default 1).
         *
         * @param value the number of shards, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is less than 1
         */
        public Builder shards(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("shards must be at least 1, was " + value);
            }
            this.shards = value;
            return this;
        }

        /**
         * Replicas of each shard of a collection created by {@link #build} (default 1).
         *
         * @param value the number of replicas, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is less than 1
         */
        public Builder replicas(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("replicas must be at least 1, was " + value);
            }
            this.replicas = value;
            return this;
        }

        /**
         * Whether {@link #build} creates a missing collection (default true); when false a missing one is an error.
         *
         * @param value whether to create a missing collection
         * @return this builder
         */
        public Builder createIfMissing(boolean value) {
            this.createIfMissing = value;
            return this;
        }

        /**
         * Documents per update request (default 500).
         *
         * @param value documents per request, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is less than 1
         */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /**
         * How many nearest neighbours each shard's HNSW search collects before the best {@code k}
         * are returned (default 100; at least {@code k} is always used). More is slower and closer
         * to exact.
         *
         * @param value the candidates per shard, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is less than 1
         */
        public Builder knnCandidates(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("knnCandidates must be at least 1, was " + value);
            }
            this.knnCandidates = value;
            return this;
        }

        /**
         * How transient failures are retried (default {@link RetryPolicy#defaults()}).
         *
         * @param value the retry policy; not null
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retry policy");
            return this;
        }

        /**
         * How long to wait for a connection to a Solr node (default 10 s).
         *
         * @param value the timeout, positive
         * @return this builder
         */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /**
         * How long one request may take before it fails and may be retried (default 60 s).
         *
         * @param value the timeout, positive
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = positive(value, "requestTimeout");
            return this;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        /**
         * Connects, creates the collection if it is missing (and allowed), and checks that an
         * existing one holds vectors of this model's dimension and this store's similarity.
         *
         * @return a connected store
         * @throws CollectionMismatchException if the collection was set up for other vectors
         * @throws SolrStoreException if Solr cannot be reached or refuses the setup
         */
        public SolrVectorStore build() {
            if ((zkHosts == null) == (baseUrl == null)) {
                throw new IllegalStateException("set exactly one of zkHosts(...) and baseUrl(...)");
            }
            int dim = dimension > 0 ? dimension : embeddingModel.embed("dimension probe").vector().length;
            SolrClient client = connect();
            try {
                new CollectionBootstrap(client, retryPolicy, collection, dim, distance, shards, replicas, createIfMissing)
                        .run();
                return new SolrVectorStore(this, client, dim);
            } catch (RuntimeException e) {
                try {
                    client.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        private SolrClient connect() {
            Http2SolrClient.Builder http = new Http2SolrClient.Builder(baseUrl)
                    .withConnectionTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .withRequestTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .withIdleTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (baseUrl != null) {
                return http.build();
            }
            return new CloudSolrClient.Builder(zkHosts, Optional.ofNullable(zkChroot))
                    .withInternalClientBuilder(http)
                    .withZkConnectTimeout((int) connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .build();
        }
    }
}
