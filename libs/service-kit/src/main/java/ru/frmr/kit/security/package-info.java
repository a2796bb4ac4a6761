/**
 * Every servlet service as an OAuth2 resource server for the platform's access tokens (docs/identity.md).
 *
 * <p>What a service gets without writing anything: each request needs a valid token (ES256 from the JWKS at
 * {@code frmr.security.jwks-uri}, issuer {@code frmr.security.issuer}, audience
 * {@code frmr.security.audience}, {@code frmr.security.clock-skew} of tolerance), except actuator health,
 * info and prometheus, {@code /error}, and the patterns in {@code frmr.security.public-paths}. Failures are
 * problem+json: 401 with {@code WWW-Authenticate: Bearer}, 403. No session, no CSRF.
 *
 * <p>What a service adds: its rules as an {@link ru.frmr.kit.security.AuthorizationRules} bean, written
 * with {@link ru.frmr.kit.security.PlatformAccess} (roles, ownership of a worker record by path variable).
 * Rules live in one place per service, by method and path, and are decided in the filter chain before a
 * controller parses the request. Method security ({@code @PreAuthorize}) is not switched on.
 *
 * <p>Who is calling: {@code @AuthenticationPrincipal CurrentUser} in a controller, or
 * {@link ru.frmr.kit.security.CurrentUser#current()}. Commands and events record it as their actor
 * ({@code account:<sub>}) through {@link ru.frmr.kit.security.SecurityContextActorResolver}.
 *
 * <p>The rules themselves (algorithm, claims, the key set fetched at most once per
 * {@code frmr.security.key-set.cool-down} whatever unknown key ids arrive) live in {@code libs/platform-rules},
 * which the gateway applies too. A service that verifies tokens with keys it holds itself (auth-service)
 * declares its own {@code JwtDecoder} bean with {@link ru.frmr.kit.security.PlatformJwtDecoders#fromKeys};
 * the kit's JWKS-based one then backs off.
 */
package ru.frmr.kit.security;
