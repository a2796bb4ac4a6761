package ru.frmr.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ru.frmr.notification.webhook.TargetUrlPolicy.RefusedTargetException;

class TargetUrlPolicyTest {

    /** Names and what they resolve to; anything else does not resolve. */
    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.minzdrav.example", List.of("203.0.113.10"),
            "rebind.example", List.of("203.0.113.11", "10.1.2.3"),
            "metadata.example", List.of("169.254.169.254"),
            "inside.example", List.of("192.168.1.20"),
            "v6.example", List.of("2001:db8::1"),
            "ula.example", List.of("fd12:3456::1"),
            "mapped.example", List.of("::ffff:10.0.0.1"));

    private static final TargetUrlPolicy.Resolver RESOLVER = host -> {
        List<String> addresses = DNS.get(host);
        if (addresses == null) {
            // Literal addresses resolve to themselves, as with InetAddress.getAllByName.
            return new InetAddress[] {InetAddress.getByName(host)};
        }
        InetAddress[] resolved = new InetAddress[addresses.size()];
        for (int i = 0; i < resolved.length; i++) {
            resolved[i] = InetAddress.getByName(addresses.get(i));
        }
        return resolved;
    };

    private final TargetUrlPolicy policy = new TargetUrlPolicy(false, List.of(), RESOLVER);

    @Test
    void anHttpsUrlOfAPublicHostIsAccepted() {
        assertThat(policy.check("https://hooks.minzdrav.example/frmr?x=1").getHost())
                .isEqualTo("hooks.minzdrav.example");
        assertThat(policy.check("https://[2001:db8::1]:8443/hook")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://127.8.9.1/hook", "https://0.0.0.0/hook", "https://[::1]/hook",
            "https://[::]/hook", "https://10.0.0.5/hook", "https://172.16.0.1/hook", "https://172.31.255.255/hook",
            "https://192.168.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook",
            "https://100.127.255.254/hook", "https://[fc00::1]/hook", "https://[fd00:ec2::254]/hook",
            "https://[fe80::1]/hook", "https://224.0.0.1/hook", "https://[ff02::1]/hook",
            "https://[::ffff:127.0.0.1]/hook", "https://[::ffff:169.254.169.254]/hook", "https://[::ffff:a00:1]/hook",
            "https://[::127.0.0.1]/hook", "https://[64:ff9b::192.168.0.1]/hook", "https://255.255.255.255/hook",
            "https://metadata.example/hook", "https://inside.example/hook", "https://rebind.example/hook",
            "https://ula.example/hook", "https://mapped.example/hook"})
    void loopbackPrivateLinkLocalAndOtherNonPublicTargetsAreRefusedHoweverWritten(String url) {
        assertThatThrownBy(() -> policy.check(url)).isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("non-public address");
    }

    @Test
    void theEdgesOfTheRangesArePublic() {
        assertThat(TargetUrlPolicy.isPublic(address("100.63.255.255"))).isTrue();
        assertThat(TargetUrlPolicy.isPublic(address("100.128.0.0"))).isTrue();
        assertThat(TargetUrlPolicy.isPublic(address("172.15.255.255"))).isTrue();
        assertThat(TargetUrlPolicy.isPublic(address("172.32.0.0"))).isTrue();
        assertThat(TargetUrlPolicy.isPublic(address("::ffff:8.8.8.8"))).isTrue();
        assertThat(TargetUrlPolicy.isPublic(address("fe00::1"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.minzdrav.example/hook", "ftp://hooks.minzdrav.example/hook",
            "hooks.minzdrav.example/hook", "/relative", "", "https://user:pw@hooks.minzdrav.example/hook",
            "https://hooks.minzdrav.example/hook#frag", "https://no-such-host.invalid/hook", "https://exa mple/"})
    void anythingButAnAbsoluteHttpsUrlOfAResolvingHostIsRefused(String url) {
        assertThatThrownBy(() -> policy.check(url)).isInstanceOf(RefusedTargetException.class);
    }

    @Test
    void anAllowListAdmitsOnlyItsHostsAndSuffixes() {
        TargetUrlPolicy listed = new TargetUrlPolicy(false, List.of("*.minzdrav.example", "v6.example"), RESOLVER);

        assertThat(listed.check("https://hooks.minzdrav.example/hook")).isNotNull();
        assertThat(listed.check("https://v6.example/hook")).isNotNull();
        assertThatThrownBy(() -> listed.check("https://minzdrav.example.evil.example/hook"))
                .isInstanceOf(RefusedTargetException.class).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> listed.check("https://evilminzdrav.example/hook"))
                .isInstanceOf(RefusedTargetException.class).hasMessageContaining("allow-list");
    }

    @Test
    void theLocalStackAllowsHttpAndLoopbackReceivers() {
        TargetUrlPolicy local = new TargetUrlPolicy(true, List.of(), RESOLVER);

        assertThat(local.check("http://127.0.0.1:8099/hook").getPort()).isEqualTo(8099);
        assertThatThrownBy(() -> local.check("ftp://127.0.0.1/hook")).isInstanceOf(RefusedTargetException.class);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
