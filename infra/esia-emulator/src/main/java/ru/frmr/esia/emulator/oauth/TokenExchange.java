package ru.frmr.esia.emulator.oauth;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.frmr.esia.emulator.client.ClientRegistry;
import ru.frmr.esia.emulator.client.RegisteredClient;

/**
 * The token endpoint's grants: an authorization code, or a refresh token. The client signs the same parameters
 * as at the authorization endpoint plus the code or the refresh token.
 */
@Component
class TokenExchange {

    private final ClientRegistry clients;
    private final ClientAuthentication authentication;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;
    private final TokenIssuer issuer;

    TokenExchange(ClientRegistry clients, ClientAuthentication authentication, AuthorizationCodes codes,
                  RefreshTokens refreshTokens, TokenIssuer issuer) {
        this.clients = clients;
        this.authentication = authentication;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
    }

    TokenResponse exchange(Map<String, String> parameters) {
        Params params = new Params(parameters);
        String grantType = params.required("grant_type");
        if (!"Bearer".equals(params.required("token_type"))) {
            throw EsiaException.invalidRequest("token_type must be Bearer");
        }
        String clientId = params.required("client_id");
        RegisteredClient client = clients.find(clientId).orElseThrow(() -> EsiaException.unknownClient(clientId));
        if (!client.allowsRedirectTo(params.required("redirect_uri"))) {
            throw EsiaException.redirectUriNotRegistered(clientId);
        }
        return switch (grantType) {
            case "authorization_code" -> byCode(client, params);
            case "refresh_token" -> byRefreshToken(client, params);
            default -> throw EsiaException.unsupportedGrantType(grantType);
        };
    }

    private TokenResponse byCode(RegisteredClient client, Params params) {
        String code = params.required("code");
        SignedRequest signed = SignedRequest.from(params, code);
        authentication.authenticate(client, signed);
        List<String> scopes = permittedScopes(client, signed);
        AuthorizationCode authorization = codes.consume(code)
                .orElseThrow(() -> EsiaException.invalidGrant("code is unknown, expired or already used"));
        if (!authorization.grant().clientId().equals(client.id())
                || !authorization.redirectUri().equals(signed.redirectUri())) {
            throw EsiaException.invalidGrant("code was issued for another client_id or redirect_uri");
        }
        // ESIA asks for a fresh state here; reusing the authorization's one is a client bug worth catching.
        if (authorization.state().equalsIgnoreCase(signed.state())) {
            throw EsiaException.invalidRequest("state must be a new UUID, not the authorization request's state");
        }
        return issuer.issue(authorization.grant().narrowedTo(scopes), signed.state());
    }

    private TokenResponse byRefreshToken(RegisteredClient client, Params params) {
        String refreshToken = params.required("refresh_token");
        SignedRequest signed = SignedRequest.from(params, refreshToken);
        authentication.authenticate(client, signed);
        List<String> scopes = permittedScopes(client, signed);
        Grant grant = refreshTokens.consume(refreshToken)
                .orElseThrow(() -> EsiaException.invalidGrant("refresh_token is unknown or already used"));
        if (!grant.clientId().equals(client.id())) {
            throw EsiaException.invalidGrant("refresh_token was issued to another client_id");
        }
        return issuer.issue(grant.narrowedTo(scopes), signed.state());
    }

    private static List<String> permittedScopes(RegisteredClient client, SignedRequest signed) {
        List<String> scopes = Scopes.parse(signed.scope());
        if (!client.allowsScopes(scopes)) {
            throw EsiaException.invalidScope("no grants for scope " + signed.scope() + " to client " + client.id());
        }
        return scopes;
    }
}
