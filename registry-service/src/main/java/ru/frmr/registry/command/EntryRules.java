package ru.frmr.registry.command;

import java.time.LocalDate;
import java.util.regex.Pattern;

import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.registry.api.AccreditationEntry;
import ru.frmr.registry.api.AdditionalEducationEntry;
import ru.frmr.registry.api.AdditionalEducationKind;
import ru.frmr.registry.api.CertificateEntry;
import ru.frmr.registry.api.EducationEntry;
import ru.frmr.registry.api.PostgraduateEducationEntry;
import ru.frmr.registry.api.QualificationCategoryEntry;
import ru.frmr.registry.api.RecordEntry;
import ru.frmr.registry.reference.AdditionalEducationDocument;
import ru.frmr.registry.reference.PostgraduateProgram;
import ru.frmr.registry.reference.ReferenceDictionaries;

/**
 * The rules one entry must keep on its own, whoever sends it. Field names are the request body's
 * ({@code entry.examDate}), so a rejection points the cabinet at the field to fix.
 */
final class EntryRules {

    /** Free text is shown to administrators and in the public register: no markup, no control characters. */
    private static final Pattern PLAIN_TEXT = Pattern.compile("[^<>\\p{Cntrl}]*");
    private static final int DOCUMENT_FIELD = 30;
    private static final int NAME_FIELD = 300;
    /**
     * No real programme is longer (the longest переподготовка runs about 1,500 hours); a larger figure is a
     * typing error, not a course.
     */
    private static final int MAX_PROGRAM_HOURS = 3000;

    private final ReferenceDictionaries dictionaries;
    private final LocalDate today;

    EntryRules(ReferenceDictionaries dictionaries, LocalDate today) {
        this.dictionaries = dictionaries;
        this.today = today;
    }

    void check(RecordEntry entry) {
        if (entry instanceof EducationEntry e) {
            education(e);
        } else if (entry instanceof CertificateEntry e) {
            certificate(e);
        } else if (entry instanceof AccreditationEntry e) {
            accreditation(e);
        } else if (entry instanceof QualificationCategoryEntry e) {
            category(e);
        } else if (entry instanceof PostgraduateEducationEntry e) {
            postgraduate(e);
        } else if (entry instanceof AdditionalEducationEntry e) {
            additional(e);
        }
    }

    private void education(EducationEntry e) {
        text(e.institution(), "entry.institution", NAME_FIELD, true);
        if (!dictionaries.isDocumentKind(e.documentKind())) {
            throw new BusinessRuleException("entry.documentKind", "is not a known document kind");
        }
        text(e.diplomaSeries(), "entry.diplomaSeries", DOCUMENT_FIELD, false);
        text(e.diplomaNumber(), "entry.diplomaNumber", DOCUMENT_FIELD, true);
        past(e.diplomaDate(), "entry.diplomaDate");
        specialty(e.specialtyCode());
        text(e.qualification(), "entry.qualification", NAME_FIELD, true);
        if (!dictionaries.isEducationLevel(e.levelCode())) {
            throw new BusinessRuleException("entry.levelCode", "is not a known education level");
        }
    }

    private void certificate(CertificateEntry e) {
        text(e.series(), "entry.series", DOCUMENT_FIELD, false);
        text(e.number(), "entry.number", DOCUMENT_FIELD, true);
        past(e.examDate(), "entry.examDate");
        required(e.endDate(), "entry.endDate");
        if (!e.endDate().isAfter(e.examDate())) {
            throw new BusinessRuleException("entry.endDate", "must be after the exam date");
        }
        specialty(e.specialtyCode());
    }

    private void accreditation(AccreditationEntry e) {
        required(e.kind(), "entry.kind");
        text(e.protocolNumber(), "entry.protocolNumber", DOCUMENT_FIELD, true);
        past(e.protocolDate(), "entry.protocolDate");
        specialty(e.specialtyCode());
    }

    private void category(QualificationCategoryEntry e) {
        required(e.category(), "entry.category");
        specialty(e.specialtyCode());
        past(e.startDate(), "entry.startDate");
        required(e.endDate(), "entry.endDate");
        if (!e.endDate().isAfter(e.startDate())) {
            throw new BusinessRuleException("entry.endDate", "must be after the start date");
        }
    }

    private void postgraduate(PostgraduateEducationEntry e) {
        PostgraduateProgram program = dictionaries.postgraduateProgram(e.programKind()).orElseThrow(
                () -> new BusinessRuleException("entry.programKind", "is not a known postgraduate programme"));
        text(e.institution(), "entry.institution", NAME_FIELD, true);
        if (program.trainsForSpecialty()) {
            specialty(e.specialtyCode());
            if (!program.trainsFor(e.specialtyCode())) {
                throw new BusinessRuleException("entry.specialtyCode", "is not a specialty of this programme");
            }
        } else if (e.specialtyCode() != null) {
            specialty(e.specialtyCode());
        }
        required(e.startDate(), "entry.startDate");
        // Only completed programmes enter the record, so the end has passed.
        past(e.endDate(), "entry.endDate");
        if (!e.endDate().isAfter(e.startDate())) {
            throw new BusinessRuleException("entry.endDate", "must be after the start date");
        }
        completionDocument(e.documentSeries(), e.documentNumber(), e.documentDate(), e.endDate());
        text(e.qualification(), "entry.qualification", NAME_FIELD, false);
    }

    private void additional(AdditionalEducationEntry e) {
        required(e.kind(), "entry.kind");
        text(e.courseName(), "entry.courseName", NAME_FIELD, true);
        required(e.hours(), "entry.hours");
        int minimum = e.kind().minimumHours();
        if (e.hours() < minimum || e.hours() > MAX_PROGRAM_HOURS) {
            throw new BusinessRuleException("entry.hours",
                    "must be from " + minimum + " to " + MAX_PROGRAM_HOURS + " academic hours for this kind");
        }
        text(e.institution(), "entry.institution", NAME_FIELD, true);
        if (e.kind() == AdditionalEducationKind.PROFESSIONAL_RETRAINING || e.specialtyCode() != null) {
            specialty(e.specialtyCode());
        }
        required(e.startDate(), "entry.startDate");
        past(e.endDate(), "entry.endDate");
        if (e.endDate().isBefore(e.startDate())) {
            throw new BusinessRuleException("entry.endDate", "must not be before the start date");
        }
        AdditionalEducationDocument document = dictionaries.additionalEducationDocument(e.documentKind())
                .orElseThrow(() -> new BusinessRuleException("entry.documentKind", "is not a known document kind"));
        if (document.programKind() != e.kind()) {
            throw new BusinessRuleException("entry.documentKind", "is not issued for this kind of programme");
        }
        completionDocument(e.documentSeries(), e.documentNumber(), e.documentDate(), e.endDate());
        if (!document.issuableOn(e.documentDate())) {
            throw new BusinessRuleException("entry.documentDate", "is after this document kind ceased to be issued");
        }
    }

    /** The document that certifies a completed programme: issued once it ended, and not in the future. */
    private void completionDocument(String series, String number, LocalDate date, LocalDate programEnd) {
        text(series, "entry.documentSeries", DOCUMENT_FIELD, false);
        text(number, "entry.documentNumber", DOCUMENT_FIELD, true);
        past(date, "entry.documentDate");
        if (date.isBefore(programEnd)) {
            throw new BusinessRuleException("entry.documentDate", "must not be before the end date");
        }
    }

    private void specialty(String code) {
        if (!dictionaries.isSpecialty(code)) {
            throw new BusinessRuleException("entry.specialtyCode", "is not a known specialty code");
        }
    }

    /** A date of something that has already happened (an exam, a protocol, a diploma). */
    private void past(LocalDate date, String field) {
        required(date, field);
        if (date.isAfter(today)) {
            throw new BusinessRuleException(field, "must not be in the future");
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new BusinessRuleException(field, "is required");
        }
    }

    private static void text(String value, String field, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new BusinessRuleException(field, "is required");
            }
            return;
        }
        if (value.length() > maxLength) {
            throw new BusinessRuleException(field, "must be at most " + maxLength + " characters");
        }
        if (!PLAIN_TEXT.matcher(value).matches()) {
            throw new BusinessRuleException(field, "must be plain text");
        }
    }
}
