package ru.frmr.registry.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.registry.ProfileChangeRejected;
import ru.frmr.contracts.registry.ProfileSection;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.ProfileChangeRejectedEvent;
import ru.frmr.registry.api.RecordSection;

/**
 * Postgraduate and additional education reach subscribers as the v1 contract's one education section, so
 * the published schemas stay as they are.
 */
class RegistryEventMapperEducationTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");
    private final RegistryEventMapper mapper = new RegistryEventMapper();

    @ParameterizedTest
    @EnumSource(value = RecordSection.class, names = {"POSTGRADUATE_EDUCATION", "ADDITIONAL_EDUCATION"})
    void anApprovalUpdatesTheEducationSectionWithinTheContract(RecordSection section) {
        IntegrationEvent event = mapper.map(new ProfileChangeApprovedEvent("w-1", "c-1", ChangeKind.REMOVE, section,
                "e-1", null, "account:admin", AT, 2), AT).orElseThrow();

        assertThat(event).isInstanceOfSatisfying(ProfileUpdated.class,
                updated -> assertThat(updated.sections()).containsExactly(ProfileSection.EDUCATION));
        assertThat(ContractSchemas.violations(event)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = RecordSection.class, names = {"POSTGRADUATE_EDUCATION", "ADDITIONAL_EDUCATION"})
    void aRejectionNamesTheEducationSectionWithinTheContract(RecordSection section) {
        IntegrationEvent event = mapper.map(new ProfileChangeRejectedEvent("w-1", "c-1", ChangeKind.ADD, section,
                "e-1", "Нечитаемо", "account:admin", AT), AT).orElseThrow();

        assertThat(event).isInstanceOfSatisfying(ProfileChangeRejected.class,
                rejected -> assertThat(rejected.section()).isEqualTo(ProfileSection.EDUCATION));
        assertThat(ContractSchemas.violations(event)).isEmpty();
    }
}
