package ru.frmr.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request is budgeted under: the socket's peer, unless that peer is one of the trusted
 * proxies; then the nearest {@code X-Forwarded-For} entry that is not a trusted proxy itself (read from
 * the right, since every proxy appends the address it saw and only the trusted ones' entries are honest).
 */
public final class ClientAddresses {

    static final String UNKNOWN = "unknown";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    // IP literals only: anything else given to InetAddress could start a DNS lookup.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Range::parse).toList();
    }

    public String of(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return UNKNOWN;
        }
        InetAddress client = peer.getAddress();
        if (trusted.isEmpty() || !isTrusted(client)) {
            return client.getHostAddress();
        }
        List<String> forwarded = exchange.getRequest().getHeaders().getOrEmpty(FORWARDED_FOR);
        String[] hops = String.join(",", forwarded).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops[i].strip());
            if (hop.isEmpty()) {
                // A garbled entry: what lies left of it cannot be trusted either.
                break;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    static Optional<InetAddress> literal(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or a CIDR range. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            String[] parts = text.strip().split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "frmr.gateway.client-address.trusted-proxies: not an IP address or CIDR range: " + text));
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(
                        "frmr.gateway.client-address.trusted-proxies: bad prefix length in " + text);
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest);
            return (candidate[whole] & mask) == (network[whole] & mask);
        }
    }
}
