package ru.frmr.registry.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One entry of the professional record. The JSON names its section ({@code "section": "ACCREDITATION"}),
 * both in stored events and in request bodies, so one field carries any kind of entry.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "section")
@JsonSubTypes({
        @JsonSubTypes.Type(value = EducationEntry.class, name = "EDUCATION"),
        @JsonSubTypes.Type(value = CertificateEntry.class, name = "CERTIFICATES"),
        @JsonSubTypes.Type(value = AccreditationEntry.class, name = "ACCREDITATION"),
        @JsonSubTypes.Type(value = QualificationCategoryEntry.class, name = "QUALIFICATION_CATEGORIES"),
        @JsonSubTypes.Type(value = PostgraduateEducationEntry.class, name = "POSTGRADUATE_EDUCATION"),
        @JsonSubTypes.Type(value = AdditionalEducationEntry.class, name = "ADDITIONAL_EDUCATION")
})
public sealed interface RecordEntry
        permits EducationEntry, CertificateEntry, AccreditationEntry, QualificationCategoryEntry,
        PostgraduateEducationEntry, AdditionalEducationEntry {

    RecordSection section();
}
