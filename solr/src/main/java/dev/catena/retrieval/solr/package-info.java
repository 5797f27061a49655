/**
 * A vector store on Apache Solr ({@link dev.catena.retrieval.solr.SolrVectorStore}): SolrCloud
 * shards and replicates the vectors, filters become Solr filter queries, and hybrid search fuses
 * keyword and vector rankings.
 */
package dev.catena.retrieval.solr;
