package ru.frmr.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;

class ReplicaRetryFilterTest {

    @Test
    void aConnectionThatNeverOpenedSentNothing() {
        assertThat(ReplicaRetryFilter.nothingSent(new ConnectException("Connection refused"))).isTrue();
        assertThat(ReplicaRetryFilter.nothingSent(new RuntimeException(new ConnectTimeoutException("timed out"))))
                .isTrue();
        assertThat(ReplicaRetryFilter.nothingSent(new IOException("Connection reset by peer"))).isFalse();
    }

    @Test
    void aConnectionBrokenOnTheWayIsNotATimeout() {
        assertThat(ReplicaRetryFilter.brokeOnTheWay(PrematureCloseException.TEST_EXCEPTION)).isTrue();
        assertThat(ReplicaRetryFilter.brokeOnTheWay(new RuntimeException(new IOException("Connection reset by peer"))))
                .isTrue();
        assertThat(ReplicaRetryFilter.brokeOnTheWay(ReadTimeoutException.INSTANCE)).isFalse();
        assertThat(ReplicaRetryFilter.brokeOnTheWay(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void theRequestGoesToTheCopysAddressWithItsPathAndQueryAsEncoded() {
        URI url = URI.create("http://127.0.0.1:8081/api/registry/workers/w%201?q=%D0%98%D0%B2&x=a%2Bb");

        assertThat(ReplicaRetryFilter.at(url, URI.create("http://10.0.0.2:8181")))
                .hasToString("http://10.0.0.2:8181/api/registry/workers/w%201?q=%D0%98%D0%B2&x=a%2Bb");
    }

    @Test
    void aBrokenConnectionReachesTheCallerAsNoAnswerNamingNoSocketError() {
        Throwable seen = ReplicaRetryFilter.asSeenByTheCaller(new RuntimeException(new IOException("Connection reset by peer")));

        assertThat(seen).isInstanceOf(IOException.class).hasNoCause();
        assertThat(seen.getMessage()).doesNotContainIgnoringCase("reset by peer");
        ConnectException refused = new ConnectException("Connection refused");
        assertThat(ReplicaRetryFilter.asSeenByTheCaller(refused)).isSameAs(refused);
        assertThat(ReplicaRetryFilter.asSeenByTheCaller(ReadTimeoutException.INSTANCE)).isSameAs(ReadTimeoutException.INSTANCE);
    }
}
