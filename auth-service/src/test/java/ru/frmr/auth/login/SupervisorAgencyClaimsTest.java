package ru.frmr.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import ru.frmr.auth.api.AccountStatus;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.query.AccountView;
import ru.frmr.auth.query.AuthQueries;

class SupervisorAgencyClaimsTest {

    private static final String SUPERVISOR_OID = "1000299658";
    private static final SessionClaims SUPERVISOR = new SessionClaims(List.of(PlatformRole.SUPERVISOR), null, null);

    private final AuthQueries queries = mock(AuthQueries.class);
    private final SupervisorAgencyProperties properties = new SupervisorAgencyProperties(Map.of(
            SUPERVISOR_OID, "ag-regional77aa", "1000299999", "ag-rzngovagency"));
    private final AgencyLookup agencies = id -> switch (id) {
        case "ag-regional77aa" -> Optional.of(new AgencyLookup.Agency(id, "REGIONAL_HEALTH_AUTHORITY", "77"));
        case "ag-rzngovagency" -> Optional.of(new AgencyLookup.Agency(id, "ROSZDRAVNADZOR", null));
        default -> Optional.empty();
    };

    @Test
    void aRegionalSupervisorsTokenNamesTheAgencyItsKindAndRegion() {
        account("a-1", SUPERVISOR_OID);
        assertThat(claims(agencies).of("a-1", SUPERVISOR)).containsExactly(
                Map.entry("agency_id", "ag-regional77aa"), Map.entry("agency_kind", "REGIONAL_HEALTH_AUTHORITY"),
                Map.entry("agency_region", "77"));
    }

    @Test
    void aFederalAgencyHasNoRegion() {
        account("a-2", "1000299999");
        assertThat(claims(agencies).of("a-2", SUPERVISOR)).containsOnlyKeys("agency_id", "agency_kind");
    }

    @Test
    void noAgencyForOtherRolesUnmappedPeopleUnknownAgenciesOrWithoutTheRegistry() {
        account("a-1", SUPERVISOR_OID);
        account("a-3", "1000299000");
        assertThat(claims(agencies).of("a-1", new SessionClaims(List.of(PlatformRole.REGISTRY_ADMIN), null, null)))
                .isEmpty();
        assertThat(claims(agencies).of("a-3", SUPERVISOR)).isEmpty();
        assertThat(claims(id -> Optional.empty()).of("a-1", SUPERVISOR)).isEmpty();
        assertThat(claims(null).of("a-1", SUPERVISOR)).isEmpty();
    }

    private SupervisorAgencyClaims claims(AgencyLookup lookup) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (lookup != null) {
            beans.addBean("agencyLookup", lookup);
        }
        return new SupervisorAgencyClaims(properties, queries, beans.getBeanProvider(AgencyLookup.class));
    }

    private void account(String accountId, String oid) {
        when(queries.account(accountId)).thenReturn(Optional.of(new AccountView(accountId, oid, "dev-1:digest", null,
                AccountStatus.ACTIVE, null, null, null, null, null, 1, null, null, null)));
    }
}
