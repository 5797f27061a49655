package dev.catena.retrieval.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;

/**
 * Which Solr failures may succeed when tried again: lost connections and timeouts, a node
 * that is down or has no leader yet (503), gateway errors and overload (429). A bad request
 * (400) or a schema error never does.
 */
final class TransientSolrFailure {

    private TransientSolrFailure() {
    }

    static boolean test(Throwable error) {
        if (error instanceof SolrServerException || error instanceof IOException) {
            return true;
        }
        if (error instanceof SolrException solr) {
            int code = solr.code();
            return code == 408 || code == 429 || code == 502 || code == 503 || code == 504
                    || code == SolrException.ErrorCode.UNKNOWN.code && solr.getCause() instanceof IOException;
        }
        return false;
    }
}
