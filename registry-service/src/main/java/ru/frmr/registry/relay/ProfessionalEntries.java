package ru.frmr.registry.relay;

import java.time.Instant;

import ru.frmr.contracts.registry.ProfessionalEntry;
import ru.frmr.contracts.registry.ProfessionalRecordChanged;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AdditionalEducationEntry;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.PostgraduateEducationEntry;
import ru.frmr.registry.api.ProfileChangeApprovedEvent;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;

/**
 * The approved entry in the contract's one flat shape ({@link ProfessionalEntry}'s javadoc lists the fields each
 * section fills). A section without a shape here stops the relay (it retries) rather than publish an entry
 * without its fields; {@code RegistryEventMapperRecordTest} maps one entry of every section.
 */
final class ProfessionalEntries {

    private ProfessionalEntries() {
    }

    static ProfessionalRecordChanged changed(ProfileChangeApprovedEvent e, Instant occurredAt) {
        return new ProfessionalRecordChanged(e.workerId(), change(e.kind()), e.section().name(), e.entryId(),
                e.kind() == ChangeKind.REMOVE ? null : entry(e.entry()), e.profileVersion(), occurredAt);
    }

    private static String change(ChangeKind kind) {
        return switch (kind) {
            case ADD -> "ADDED";
            case CORRECT -> "UPDATED";
            case REMOVE -> "REMOVED";
        };
    }

    static ProfessionalEntry entry(RecordEntry entry) {
        String section = entry.section().name();
        if (entry instanceof EducationEntry e) {
            return new ProfessionalEntry(section, e.documentKind(), null, e.institution(), e.specialtyCode(),
                    e.qualification(), e.levelCode(), e.diplomaSeries(), e.diplomaNumber(), e.diplomaDate(), null,
                    null, null);
        }
        if (entry instanceof PostgraduateEducationEntry e) {
            return new ProfessionalEntry(section, e.programKind(), null, e.institution(), e.specialtyCode(),
                    e.qualification(), null, e.documentSeries(), e.documentNumber(), e.documentDate(),
                    e.startDate(), e.endDate(), null);
        }
        if (entry instanceof AdditionalEducationEntry e) {
            return new ProfessionalEntry(section, name(e.kind()), e.courseName(), e.institution(), e.specialtyCode(),
                    null, null, e.documentSeries(), e.documentNumber(), e.documentDate(), e.startDate(), e.endDate(),
                    e.hours());
        }
        if (entry instanceof CertificateEntry e) {
            return new ProfessionalEntry(section, null, null, null, e.specialtyCode(), null, null, e.series(),
                    e.number(), e.examDate(), null, e.endDate(), null);
        }
        if (entry instanceof AccreditationEntry e) {
            return new ProfessionalEntry(section, name(e.kind()), null, null, e.specialtyCode(), null, null, null,
                    e.protocolNumber(), e.protocolDate(), null, e.endDate(), null);
        }
        if (entry instanceof QualificationCategoryEntry e) {
            return new ProfessionalEntry(section, name(e.category()), null, null, e.specialtyCode(), null, null,
                    null, null, null, e.startDate(), e.endDate(), null);
        }
        throw new IllegalArgumentException("No contract shape for " + entry.section());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
