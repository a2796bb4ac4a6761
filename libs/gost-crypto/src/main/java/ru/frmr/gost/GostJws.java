package ru.frmr.gost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compact JWS signed with GOST R 34.10-2012 (256), as ESIA signs its access and id tokens
 * ({@code "alg":"GOST3410_2012_256"}). No JOSE library supports GOST, so this small codec exists; it
 * accepts only that one algorithm, so {@code alg=none} and algorithm confusion cannot get through.
 */
public final class GostJws {

    public static final String ALGORITHM = "GOST3410_2012_256";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private GostJws() {
    }

    /** @param keyId the signer's key or certificate id, for the {@code kid} header (ESIA: {@code sbt}) */
    public static String sign(Map<String, Object> claims, PrivateKey key, String keyId) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", ALGORITHM);
        header.put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + GostSignatures.signBase64Url(key, signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    /** The claims when {@code token} is a well-formed GOST JWS signed by {@code key}; empty otherwise. */
    public static Optional<Map<String, Object>> verify(String token, PublicKey key) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Map<String, Object> header = JSON.readValue(URL_DECODER.decode(parts[0]), MAP);
            if (!ALGORITHM.equals(header.get("alg"))) {
                return Optional.empty();
            }
            byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            if (!GostSignatures.verifyBase64Url(key, signingInput, parts[2])) {
                return Optional.empty();
            }
            return Optional.of(JSON.readValue(URL_DECODER.decode(parts[1]), MAP));
        } catch (IOException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new GostException("Cannot encode JWS part", e);
        }
    }
}
