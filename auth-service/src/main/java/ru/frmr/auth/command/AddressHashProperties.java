package ru.frmr.auth.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key client addresses are hashed under for failed logins ({@code frmr.auth.address-hash.key},
 * {@code FRMR_AUTH_ADDRESS_HASH_KEY}). It has no default outside the {@code local} and {@code test} profiles: a
 * deployment without one does not start. Changing it changes every hash, so bursts are counted afresh from then on.
 *
 * @param key at least 32 random characters
 */
@Validated
@ConfigurationProperties("frmr.auth.address-hash")
public record AddressHashProperties(@NotNull @Size(min = 32) String key) {

    @Override
    public String toString() {
        return "AddressHashProperties[key=***]";
    }
}
