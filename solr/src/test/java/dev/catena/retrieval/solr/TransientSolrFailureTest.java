package dev.catena.retrieval.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrException.ErrorCode;
import org.junit.jupiter.api.Test;

/** Which failures the store retries, as the cloud client reports them. */
class TransientSolrFailureTest {

    @Test
    void aRefusedConnectionWrappedInAServerErrorIsRetried() {
        // how CloudSolrClient reports an update routed to a node that has just stopped
        SolrException routed = new SolrException(ErrorCode.SERVER_ERROR, "route failed",
                new SolrServerException(new IOException(new ConnectException("Connection refused"))));
        assertThat(TransientSolrFailure.test(routed)).isTrue();
    }

    @Test
    void aServerErrorWithoutALostConnectionIsNot() {
        assertThat(TransientSolrFailure.test(new SolrException(ErrorCode.SERVER_ERROR, "schema broken"))).isFalse();
        assertThat(TransientSolrFailure.test(new SolrException(ErrorCode.BAD_REQUEST, "bad field"))).isFalse();
    }

    @Test
    void unavailableAndOverloadAreRetried() {
        assertThat(TransientSolrFailure.test(new SolrException(ErrorCode.SERVICE_UNAVAILABLE, "no leader"))).isTrue();
        assertThat(TransientSolrFailure.test(new SolrException(ErrorCode.TOO_MANY_REQUESTS, "busy"))).isTrue();
    }
}
