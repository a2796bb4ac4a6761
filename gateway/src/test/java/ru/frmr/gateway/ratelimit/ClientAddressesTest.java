package ru.frmr.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressesTest {

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverItForwards() {
        ClientAddresses addresses = new ClientAddresses(List.of());

        assertThat(addresses.of(from("198.51.100.9", "203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void behindATrustedProxyTheAddressItSawIsTheClient() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.of(from("10.1.2.3", "203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void entriesLeftOfTheFirstUntrustedHopAreTheClientsOwnClaimsAndAreIgnored() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.10"));

        assertThat(addresses.of(from("10.1.2.3", "1.2.3.4, 203.0.113.7, 192.0.2.10"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aPeerOutsideTheTrustedRangesIsTheClient() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.of(from("11.0.0.1", "203.0.113.7"))).isEqualTo("11.0.0.1");
    }

    @Test
    void aGarbledEntryStopsTheWalkAtTheLastTrustedHop() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.of(from("10.1.2.3", "203.0.113.7, evil.example"))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6RangesWork() {
        ClientAddresses addresses = new ClientAddresses(List.of("fd00::/8"));

        assertThat(addresses.of(from("fd12::1", "2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressIsRefusedAtStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .hasMessageContaining("frmr.gateway.client-address.trusted-proxies");
    }

    private static MockServerWebExchange from(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/registry/workers/w-1")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }
}
