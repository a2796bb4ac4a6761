package ru.frmr.esia.emulator.client;

import java.nio.charset.StandardCharsets;

import ru.frmr.gost.GostSignatures;

/**
 * ESIA's {@code client_secret}: base64url of a raw GOST R 34.10-2012 (256) signature, made with the client's
 * registered key over the UTF-8 concatenation of request parameters (see {@code SignedRequest}).
 */
public final class ClientSecret {

    private ClientSecret() {
    }

    /** False also for a secret that is not base64url or not 64 bytes long. */
    public static boolean isValid(RegisteredClient client, String signedText, String clientSecret) {
        return GostSignatures.verifyBase64Url(client.certificate().getPublicKey(),
                signedText.getBytes(StandardCharsets.UTF_8), clientSecret);
    }
}
