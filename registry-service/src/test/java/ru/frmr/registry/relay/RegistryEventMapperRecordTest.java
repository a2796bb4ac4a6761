package ru.frmr.registry.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ru.frmr.contracts.ContractJson;
import ru.frmr.contracts.ContractSchemas;
import ru.frmr.contracts.EventTypes;
import ru.frmr.contracts.IntegrationEvent;
import ru.frmr.contracts.registry.ProfessionalEntry;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.contracts.registry.ProfileUpdated;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AccreditationKind;
import ru.frmr.registry.api.AdditionalEducationEntry;
import ru.frmr.registry.api.AdditionalEducationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.ContactsUpdatedEvent;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.PostgraduateEducationEntry;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.QualificationCategory;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;

/**
 * An approval publishes the public {@code ProfileUpdated} and the internal {@code ProfessionalRecordChanged} with
 * the entry in the contract's flat shape; what is emitted conforms to the schema (the producer-side contract).
 */
class RegistryEventMapperRecordTest {

    private static final Instant AT = Instant.parse("2026-03-10T09:00:00Z");
    private static final LocalDate D1 = LocalDate.of(2020, 6, 30);
    private static final LocalDate D2 = LocalDate.of(2021, 9, 1);
    private static final LocalDate D3 = LocalDate.of(2023, 8, 31);
    private final RegistryEventMapper mapper = new RegistryEventMapper();

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of(new EducationEntry("ПМГМУ им. И. М. Сеченова", "DIPLOMA", "107704", "0012345", D1,
                        "31.05.01", "Врач-лечебник", "HIGHER_SPECIALIST"),
                        new ProfessionalEntry("EDUCATION", "DIPLOMA", null, "ПМГМУ им. И. М. Сеченова", "31.05.01",
                                "Врач-лечебник", "HIGHER_SPECIALIST", "107704", "0012345", D1, null, null, null)),
                Arguments.of(new PostgraduateEducationEntry("RESIDENCY", "РНИМУ им. Н. И. Пирогова", "31.08.36", D2,
                        D3, "017718", "0054321", D3, "Врач-кардиолог"),
                        new ProfessionalEntry("POSTGRADUATE_EDUCATION", "RESIDENCY", null, "РНИМУ им. Н. И. Пирогова",
                                "31.08.36", "Врач-кардиолог", null, "017718", "0054321", D3, D2, D3, null)),
                Arguments.of(new AdditionalEducationEntry(AdditionalEducationKind.PROFESSIONAL_RETRAINING,
                        "Функциональная диагностика", 576, "РМАНПО", "31.08.12", D2, D3, "RETRAINING_DIPLOMA",
                        "7727", "0009876", D3),
                        new ProfessionalEntry("ADDITIONAL_EDUCATION", "PROFESSIONAL_RETRAINING",
                                "Функциональная диагностика", "РМАНПО", "31.08.12", null, null, "7727", "0009876", D3,
                                D2, D3, 576)),
                Arguments.of(new CertificateEntry("0177", "180012345678", D1, D1.plusYears(5), "31.08.36"),
                        new ProfessionalEntry("CERTIFICATES", null, null, null, "31.08.36", null, null, "0177",
                                "180012345678", D1, null, D1.plusYears(5), null)),
                Arguments.of(new AccreditationEntry(AccreditationKind.PRIMARY_SPECIALIZED, "П-17/2023", D3,
                        "31.08.36", D3.plusYears(5)),
                        new ProfessionalEntry("ACCREDITATION", "PRIMARY_SPECIALIZED", null, null, "31.08.36", null,
                                null, null, "П-17/2023", D3, null, D3.plusYears(5), null)),
                Arguments.of(new QualificationCategoryEntry(QualificationCategory.FIRST, "31.08.36", D2,
                        D2.plusYears(5)),
                        new ProfessionalEntry("QUALIFICATION_CATEGORIES", "FIRST", null, null, "31.08.36", null, null,
                                null, null, null, D2, D2.plusYears(5), null)));
    }

    @ParameterizedTest
    @MethodSource("entries")
    void anApprovedAdditionPublishesTheProfileUpdateThenTheEntryInItsSectionsFields(RecordEntry entry,
                                                                                    ProfessionalEntry expected) {
        List<IntegrationEvent> events = mapper.mapAll(new ProfileChangeApprovedEvent("w-1", "c-1", ChangeKind.ADD,
                entry.section(), "e-1", entry, "account:admin", AT, 3), AT);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(ProfileUpdated.class);
        assertThat(events.get(1)).isEqualTo(new ProfessionalRecordChanged("w-1", "ADDED", entry.section().name(),
                "e-1", expected, 3, AT));
        events.forEach(e -> assertThat(ContractSchemas.violations(e)).as(e.getClass().getSimpleName()).isEmpty());
    }

    @Test
    void aCorrectionIsAnUpdateAndARemovalCarriesNoEntry() {
        CertificateEntry certificate = new CertificateEntry("0177", "1", D1, D1.plusYears(5), "31.08.36");
        ProfessionalRecordChanged corrected = (ProfessionalRecordChanged) mapper.mapAll(
                new ProfileChangeApprovedEvent("w-1", "c-2", ChangeKind.CORRECT, certificate.section(), "e-1",
                        certificate, "account:admin", AT, 4), AT).get(1);
        ProfessionalRecordChanged removed = (ProfessionalRecordChanged) mapper.mapAll(
                new ProfileChangeApprovedEvent("w-1", "c-3", ChangeKind.REMOVE, certificate.section(), "e-1", null,
                        "account:admin", AT, 5), AT).get(1);

        assertThat(corrected.change()).isEqualTo("UPDATED");
        assertThat(removed.change()).isEqualTo("REMOVED");
        assertThat(removed.entry()).isNull();
        assertThat(removed.profileVersion()).isEqualTo(5);
        assertThat(ContractSchemas.violations(removed)).isEmpty();
    }

    @Test
    void theSchemaRefusesARemovalWithAnEntryAndAnAdditionWithout() throws Exception {
        CertificateEntry certificate = new CertificateEntry("0177", "1", D1, D1.plusYears(5), "31.08.36");
        ProfessionalEntry entry = ProfessionalEntries.entry(certificate);
        byte[] removalWithEntry = ContractJson.toBytes(new ProfessionalRecordChanged("w-1", "REMOVED",
                "CERTIFICATES", "e-1", entry, 2, AT));
        byte[] additionWithout = ContractJson.toBytes(new ProfessionalRecordChanged("w-1", "ADDED",
                "CERTIFICATES", "e-1", null, 2, AT));

        assertThat(ContractSchemas.violations(EventTypes.PROFESSIONAL_RECORD_CHANGED, removalWithEntry)).isNotEmpty();
        assertThat(ContractSchemas.violations(EventTypes.PROFESSIONAL_RECORD_CHANGED, additionWithout)).isNotEmpty();
    }

    @Test
    void otherDomainEventsStillPublishOneEvent() {
        assertThat(mapper.mapAll(new ContactsUpdatedEvent("w-1", null, null, 2), AT)).singleElement()
                .isInstanceOf(ProfileUpdated.class);
    }
}
