package ru.frmr.esia.emulator.oauth;

/**
 * The parameters a client signs into {@code client_secret}, as received (the signature covers the exact strings).
 *
 * @param grant empty at the authorization endpoint; the {@code code} or the {@code refresh_token} at the token
 *              endpoint
 */
public record SignedRequest(String clientId, String certificateHash, String clientSecret, String scope,
                            String scopeOrg, String timestamp, String state, String redirectUri, String grant) {

    /** {@code client_id + scope + scope_org + timestamp + state + redirect_uri [+ code | refresh_token]}. */
    public String signedText() {
        return clientId + scope + scopeOrg + timestamp + state + redirectUri + grant;
    }

    static SignedRequest from(Params params, String grant) {
        return new SignedRequest(params.required("client_id"), params.required("client_certificate_hash"),
                params.required("client_secret"), params.required("scope"), params.optional("scope_org"),
                params.required("timestamp"), params.required("state"), params.required("redirect_uri"), grant);
    }
}
