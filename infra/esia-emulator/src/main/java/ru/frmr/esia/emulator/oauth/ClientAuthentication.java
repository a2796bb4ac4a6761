package ru.frmr.esia.emulator.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import ru.frmr.esia.emulator.client.ClientSecret;
import ru.frmr.esia.emulator.client.RegisteredClient;
import ru.frmr.esia.emulator.config.EsiaProperties;

/** The checks ESIA makes on every signed client request, at both the authorization and the token endpoint. */
@Component
class ClientAuthentication {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Clock clock;
    private final Duration tolerance;

    ClientAuthentication(Clock clock, EsiaProperties properties) {
        this.clock = clock;
        this.tolerance = properties.timestampTolerance();
    }

    void authenticate(RegisteredClient client, SignedRequest request) {
        if (!client.certificateHash().equals(request.certificateHash())) {
            throw EsiaException.invalidClientSecret(
                    "client_certificate_hash does not match the certificate registered for " + client.id());
        }
        if (!ClientSecret.isValid(client, request.signedText(), request.clientSecret())) {
            throw EsiaException.invalidClientSecret(
                    "client_secret is not a signature of this request by the certificate registered for "
                            + client.id());
        }
        Instant timestamp = EsiaTimestamp.parse(request.timestamp()).orElseThrow(
                () -> EsiaException.invalidRequest("timestamp is not in the format yyyy.MM.dd HH:mm:ss Z"));
        if (Duration.between(timestamp, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw EsiaException.invalidRequest("timestamp is more than " + tolerance.toMinutes()
                    + " minutes away from the server's time");
        }
        if (!isUuid(request.state())) {
            throw EsiaException.invalidRequest("state is not a UUID");
        }
    }

    static boolean isUuid(String value) {
        return UUID.matcher(value).matches();
    }
}
