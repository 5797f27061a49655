package dev.catena.retrieval.solr;

import dev.catena.core.components.RetryPolicy;
import dev.catena.core.vector.Distance;
import java.util.Locale;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Makes sure a collection exists for the store's vectors: uploads the configset for the
 * dimension and similarity if Solr lacks it, creates the collection with the chosen shards and
 * replicas if it is missing, and checks an existing collection's vector field.
 */
final class CollectionBootstrap {

    private final SolrClient client;
    private final RetryPolicy retryPolicy;
    private final String collection;
    private final int dimension;
    private final Distance distance;
    private final int shards;
    private final int replicas;
    private final boolean createIfMissing;

    CollectionBootstrap(SolrClient client, RetryPolicy retryPolicy, String collection, int dimension,
            Distance distance, int shards, int replicas, boolean createIfMissing) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.collection = collection;
        this.dimension = dimension;
        this.distance = distance;
        this.shards = shards;
        this.replicas = replicas;
        this.createIfMissing = createIfMissing;
    }

    void run() {
        boolean exists = createIfMissing
                ? SolrVectorStore.call(retryPolicy, "listing collections",
                        () -> CollectionAdminRequest.listCollections(client)).contains(collection)
                : true;
        if (!exists) {
            create();
        }
        check();
    }

    private void create() {
        String configName = SolrConfigset.name(dimension, distance);
        boolean uploaded = SolrVectorStore.call(retryPolicy, "listing configsets",
                () -> new ConfigSetAdminRequest.List().process(client)).getConfigSets().contains(configName);
        if (!uploaded) {
            ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
                    .setConfigSetName(configName)
                    .setUploadStream(new ContentStreamBase.ByteArrayStream(
                            SolrConfigset.zip(dimension, distance), configName + ".zip", "application/zip"));
            SolrVectorStore.call(retryPolicy, "uploading configset " + configName, () -> upload.process(client));
        }
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(collection, configName, shards, replicas);
        create.setWaitForFinalState(true);
        SolrVectorStore.call(retryPolicy, "creating collection " + collection, () -> create.process(client));
    }

    private void check() {
        Map<String, Object> attributes = SolrVectorStore.call(retryPolicy, "reading the schema of " + collection,
                () -> new SchemaRequest.FieldType(SolrConfigset.VECTOR_TYPE).process(client, collection))
                .getFieldType().getAttributes();
        Object storedDimension = attributes.get("vectorDimension");
        if (storedDimension == null) {
            throw new CollectionMismatchException("collection '" + collection + "' has no " + SolrConfigset.VECTOR_TYPE
                    + " field type with a vectorDimension; it was not created by Catena's SolrVectorStore");
        }
        if (Integer.parseInt(storedDimension.toString()) != dimension) {
            throw new CollectionMismatchException("collection '" + collection + "' holds " + storedDimension
                    + "-dimension vectors but the embedding model makes " + dimension
                    + "-dimension ones; use another collection for this model, or re-create it");
        }
        Object similarity = attributes.get("similarityFunction");
        String wanted = SolrConfigset.similarity(distance);
        if (similarity != null && !similarity.toString().toLowerCase(Locale.ROOT).equals(wanted)) {
            throw new CollectionMismatchException("collection '" + collection + "' compares vectors by " + similarity
                    + " but the store was built with " + distance + " (" + wanted + "); pass distance(...) to match it");
        }
    }
}
