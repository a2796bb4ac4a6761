package ru.frmr.auth.identity;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import ru.frmr.contracts.auth.LoginMethod;

/**
 * Where people prove who they are: ESIA today, a standard OpenID Connect provider beside or instead of
 * it. Implementations hold their tokens server-side and hand back only the identified person.
 */
public interface IdentityProvider {

    /** The path segment of this provider's login and callback: {@code /api/auth/{id}/login}. */
    String id();

    LoginMethod method();

    /** Starts a login: the URL the browser goes to, and what the callback needs to finish it. */
    AuthorizationRequest authorize();

    /**
     * Finishes a login from the callback's query parameters.
     *
     * @param request what {@link #authorize()} returned for the {@code state} the callback carried; the
     *                caller has already checked that this browser started it
     * @throws IdentityProviderException when the provider reports an error or its answer does not check out
     */
    IdentifiedPerson complete(AuthorizationRequest request, Map<String, String> callbackParameters);

    /** Where the browser ends its session with the provider, if it has such an endpoint. */
    Optional<URI> logoutUrl(URI returnTo);
}
