package ru.frmr.kit.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import ru.frmr.rules.token.TokenClaims;

/**
 * The supervisory agency's machine client that sent the request (client-credentials token, role AGENCY): which
 * client, of which agency, with which scopes. Empty for people's tokens.
 *
 * @param agencyRegion the region of a regional health authority, else null
 */
public record AgencyClient(String clientId, String agencyId, String agencyKind, String agencyRegion,
                           Set<String> scopes) {

    public AgencyClient {
        scopes = Set.copyOf(scopes);
    }

    /** The machine client of the request this thread is serving, if a machine client sent it. */
    public static Optional<AgencyClient> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof PlatformAuthentication platform ? of(platform.getToken()) : Optional.empty();
    }

    static Optional<AgencyClient> of(Jwt jwt) {
        java.util.List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        String agencyId = jwt.getClaimAsString(TokenClaims.AGENCY_ID);
        if (roles == null || !roles.contains(Roles.AGENCY) || agencyId == null) {
            return Optional.empty();
        }
        String scope = jwt.getClaimAsString(TokenClaims.SCOPE);
        Set<String> scopes = scope == null ? Set.of()
                : Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        return Optional.of(new AgencyClient(jwt.getSubject(), agencyId, jwt.getClaimAsString(TokenClaims.AGENCY_KIND),
                jwt.getClaimAsString(TokenClaims.AGENCY_REGION), scopes));
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
