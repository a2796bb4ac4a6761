package ru.frmr.employer.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.employer.HrRightGranted;
import ru.frmr.contracts.employer.HrRightRevoked;
import ru.frmr.contracts.employer.MedicalOrganizationCorrected;
import ru.frmr.contracts.employer.MedicalOrganizationRegistered;
import ru.frmr.employer.api.HrRightGrantedEvent;
import ru.frmr.employer.api.HrRightRevokedEvent;
import ru.frmr.employer.api.MedicalOrganizationCorrectedEvent;
import ru.frmr.employer.api.MedicalOrganizationRegisteredEvent;
import ru.frmr.employer.api.OrganizationDetails;

/** The organisations section of the relay: what auth-service learns, conforming to the published schemas. */
class EmployerEventMapperOrganizationsTest {

    private static final Instant STORED = Instant.parse("2026-02-19T09:00:00.123Z");
    private static final OrganizationDetails CARD = new OrganizationDetails("ГБУЗ «Городская поликлиника № 1»",
            "1027700543210", "7701543216", "770101001", "1.2.643.5.1.13.13.12.2.77.7801", "77",
            "г. Москва, ул. Примерная, д. 1");

    private final EmployerEventMapper mapper = new EmployerEventMapper();

    @Test
    void aRegistrationAndACorrectionCarryTheWholeCardAndItsVersion() {
        IntegrationEvent registered = mapper.map(new MedicalOrganizationRegisteredEvent("gp-1-moscow", CARD, 1,
                "fixture:medical-organizations-v1", Instant.EPOCH), STORED).orElseThrow();
        assertThat(registered).isEqualTo(new MedicalOrganizationRegistered("gp-1-moscow", CARD.name(), CARD.ogrn(),
                CARD.inn(), CARD.kpp(), CARD.frmoId(), CARD.regionCode(), CARD.address(), 1, STORED));
        assertThat(ContractSchemas.violations(registered)).isEmpty();

        IntegrationEvent corrected = mapper.map(new MedicalOrganizationCorrectedEvent("gp-1-moscow", CARD, 2,
                "acc-admin", Instant.EPOCH), STORED).orElseThrow();
        assertThat(corrected).isInstanceOf(MedicalOrganizationCorrected.class);
        assertThat(((MedicalOrganizationCorrected) corrected).version()).isEqualTo(2);
        assertThat(ContractSchemas.violations(corrected)).isEmpty();
    }

    @Test
    void grantsAndRevocationsNameTheAccountAndNotWhoMadeThem() {
        IntegrationEvent granted = mapper.map(new HrRightGrantedEvent("gp-1-moscow", "acc-petrov", 1, "acc-chief",
                Instant.EPOCH), STORED).orElseThrow();
        IntegrationEvent revoked = mapper.map(new HrRightRevokedEvent("gp-1-moscow", "acc-petrov", 2, "acc-chief",
                Instant.EPOCH), STORED).orElseThrow();

        assertThat(granted).isEqualTo(new HrRightGranted("gp-1-moscow", "acc-petrov", 1, STORED));
        assertThat(revoked).isEqualTo(new HrRightRevoked("gp-1-moscow", "acc-petrov", 2, STORED));
        assertThat(ContractSchemas.violations(granted)).isEmpty();
        assertThat(ContractSchemas.violations(revoked)).isEmpty();
        assertThat(granted.subject()).as("keyed by organisation: its rights stay in order").isEqualTo("gp-1-moscow");
    }
}
