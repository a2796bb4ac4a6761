package ru.frmr.esia.emulator.client;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Set;

import ru.frmr.gost.GostDigests;

/** An information system registered with the emulator, as ESIA keeps it: certificate, URIs, permitted scopes. */
public record RegisteredClient(String id, X509Certificate certificate, String certificateHash,
                               Set<String> redirectUris, Set<String> logoutRedirectUris, Set<String> scopes) {

    public RegisteredClient(String id, X509Certificate certificate, Collection<String> redirectUris,
                            Collection<String> logoutRedirectUris, Collection<String> scopes) {
        this(id, certificate, GostDigests.certificateHash(certificate), Set.copyOf(redirectUris),
                Set.copyOf(logoutRedirectUris), Set.copyOf(scopes));
    }

    public boolean allowsRedirectTo(String uri) {
        return uri != null && redirectUris.contains(uri);
    }

    public boolean allowsLogoutRedirectTo(String uri) {
        return allowsRedirectTo(uri) || uri != null && logoutRedirectUris.contains(uri);
    }

    public boolean allowsScopes(Collection<String> requested) {
        return scopes.containsAll(requested);
    }
}
