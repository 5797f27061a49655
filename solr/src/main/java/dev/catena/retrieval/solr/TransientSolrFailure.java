package dev.catena.retrieval.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;

/**
 * Which Solr failures may succeed when tried again: lost connections and timeouts (also when a
 * cloud client wraps them in a server error), a node that is down or has no leader yet (503),
 * gateway errors and overload (429). A bad request (400) or a schema error never does.
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
            // A cloud client reports a refused or dropped connection to a node that just went down
            // as a server error wrapping the IOException, not as a 503: judge it by its cause.
            return code == 408 || code == 429 || code == 502 || code == 503 || code == 504
                    || causedByLostConnection(solr);
        }
        return false;
    }

    private static boolean causedByLostConnection(Throwable error) {
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && depth < 16; depth++) { // bounded: a cause chain may loop
            if (cause instanceof IOException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
