package ru.frmr.auth.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Failed logins name the client's address by a keyed hash: stable per address and key, useless without the key. */
class AddressHashesTest {

    private static final String KEY = "test-address-hash-key-0123456789abcdef";
    private static final AddressHashes HASHES = new AddressHashes(new AddressHashProperties(KEY));

    @Test
    void oneAddressUnderOneKeyAlwaysHashesAlikeAndOtherAddressesDiffer() {
        String hash = HASHES.of("203.0.113.7");

        assertThat(new AddressHashes(new AddressHashProperties(KEY)).of("203.0.113.7")).isEqualTo(hash);
        assertThat(HASHES.of(" 203.0.113.7 ")).isEqualTo(hash);
        assertThat(HASHES.of("203.0.113.8")).isNotEqualTo(hash);
        assertThat(HASHES.of("2001:DB8::7")).isEqualTo(HASHES.of("2001:db8::7"));
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        AddressHashes otherKey = new AddressHashes(new AddressHashProperties("another-address-hash-key-fedcba987654"));

        assertThat(otherKey.of("203.0.113.7")).isNotEqualTo(HASHES.of("203.0.113.7"));
    }

    @Test
    void theHashIsSixteenBytesOfBase64UrlAndHoldsNothingOfTheAddress() {
        String hash = HASHES.of("203.0.113.7");

        assertThat(hash).matches("[A-Za-z0-9_-]{22}").doesNotContain("203").doesNotContain("113");
        assertThat(Base64.getUrlDecoder().decode(hash)).hasSize(AddressHashes.BYTES);
    }

    @Test
    void withoutAKeyOrWithAShortOneTheServiceDoesNotStart() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

        runner.run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("frmr.auth.address-hash.key=too-short").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("frmr.auth.address-hash"));
        runner.withPropertyValues("frmr.auth.address-hash.key=" + KEY).run(context -> assertThat(context)
                .hasNotFailed().getBean(AddressHashProperties.class).hasToString("AddressHashProperties[key=***]"));
    }

    @EnableConfigurationProperties(AddressHashProperties.class)
    static class Settings {
    }

    @Test
    void noAddressNoHash() {
        assertThat(HASHES.of(null)).isNull();
        assertThat(HASHES.of(" ")).isNull();
    }
}
