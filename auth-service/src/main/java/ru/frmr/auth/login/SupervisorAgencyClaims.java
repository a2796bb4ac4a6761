package ru.frmr.auth.login;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.query.AuthQueries;
import ru.frmr.auth.token.ExtraClaims;

/**
 * A SUPERVISOR's agency in their tokens ({@code agency_id}, {@code agency_kind}, {@code agency_region} for a
 * regional authority): the services limit what the supervisor may read by it. Looked up at each issue, so a revoked
 * agency drops out at the next refresh.
 */
@Component
@EnableConfigurationProperties(SupervisorAgencyProperties.class)
public class SupervisorAgencyClaims implements ExtraClaims {

    public static final String AGENCY_ID = "agency_id";
    public static final String AGENCY_KIND = "agency_kind";
    public static final String AGENCY_REGION = "agency_region";

    private final SupervisorAgencyProperties properties;
    private final AuthQueries queries;
    private final ObjectProvider<AgencyLookup> agencies;

    SupervisorAgencyClaims(SupervisorAgencyProperties properties, AuthQueries queries,
                           ObjectProvider<AgencyLookup> agencies) {
        this.properties = properties;
        this.queries = queries;
        this.agencies = agencies;
    }

    @Override
    public Map<String, Object> of(String accountId, SessionClaims claims) {
        AgencyLookup lookup = agencies.getIfAvailable();
        if (lookup == null || !claims.roles().contains(PlatformRole.SUPERVISOR)) {
            return Map.of();
        }
        Optional<AgencyLookup.Agency> agency = queries.account(accountId)
                .map(account -> properties.supervisorAgencies().get(account.esiaOid()))
                .flatMap(lookup::find);
        if (agency.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(AGENCY_ID, agency.get().agencyId());
        extra.put(AGENCY_KIND, agency.get().kind());
        if (agency.get().regionCode() != null) {
            extra.put(AGENCY_REGION, agency.get().regionCode());
        }
        return extra;
    }
}
