package ru.frmr.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook may be sent (checked when a subscription is made and again before every attempt, since what a
 * name resolves to changes): an absolute https URL (http only where private targets are allowed: the local stack
 * and tests), without user info or fragment, whose host is on the allow-list when one is configured, and whose
 * every address is a public unicast one. An agency's URL must never reach the platform's own network (SSRF): no
 * loopback, any-local, link-local (the cloud metadata address 169.254.169.254), private (10/8, 172.16/12,
 * 192.168/16, fc00::/7), carrier-grade NAT (100.64/10) or multicast address, nor those written as IPv4-mapped or
 * IPv4-compatible IPv6 addresses.
 */
public final class TargetUrlPolicy {

    /** Resolves a host name to all its addresses; a test gives its own. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a URL is refused (the message names no address, only the rule). */
    public static final class RefusedTargetException extends RuntimeException {
        RefusedTargetException(String message) {
            super(message);
        }
    }

    private static final int MAX_URL_LENGTH = 2000;

    private final boolean allowPrivateTargets;
    private final List<String> allowedHosts;
    private final Resolver resolver;

    public TargetUrlPolicy(boolean allowPrivateTargets, List<String> allowedHosts, Resolver resolver) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.resolver = resolver;
    }

    /**
     * @return the URL as a URI when it may be called now
     * @throws RefusedTargetException saying which rule it breaks
     */
    public URI check(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            throw new RefusedTargetException("must be an absolute https URL of at most " + MAX_URL_LENGTH
                    + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedTargetException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivateTargets && scheme.equals("http"))) {
            throw new RefusedTargetException("must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new RefusedTargetException("must name a host, without user info or fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!allowedHosts.isEmpty() && allowedHosts.stream().noneMatch(allowed(host))) {
            throw new RefusedTargetException("names a host that is not on the allow-list");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedTargetException("names a host that does not resolve");
        }
        if (addresses.length == 0) {
            throw new RefusedTargetException("names a host that does not resolve");
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedTargetException("resolves to a loopback, private, link-local or other "
                            + "non-public address");
                }
            }
        }
        return uri;
    }

    private static java.util.function.Predicate<String> allowed(String host) {
        return rule -> rule.startsWith("*.") ? host.endsWith(rule.substring(1)) : host.equals(rule);
    }

    /** Whether the address is a public unicast one (IPv4 inside IPv6 judged as the IPv4 address). */
    static boolean isPublic(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        if (effective.isLoopbackAddress() || effective.isAnyLocalAddress() || effective.isLinkLocalAddress()
                || effective.isSiteLocalAddress() || effective.isMulticastAddress()) {
            return false;
        }
        byte[] b = effective.getAddress();
        if (effective instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                       // "this network" 0/8
                    && !(first == 100 && (second & 0xc0) == 64)     // carrier-grade NAT 100.64/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)  // IETF protocol assignments 192.0.0/24
                    && !(first == 198 && (second & 0xfe) == 18)      // benchmarking 198.18/15
                    && first < 240;                                 // reserved 240/4 and broadcast
        }
        int first = b[0] & 0xff;
        // Unique-local fc00::/7; site-local fec0::/10 is isSiteLocalAddress above.
        return (first & 0xfe) != 0xfc;
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64 one. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        // The well-known NAT64 prefix 64:ff9b::/96 reaches the IPv4 address inside it as well.
        boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (!mapped && !compatible && !nat64) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
