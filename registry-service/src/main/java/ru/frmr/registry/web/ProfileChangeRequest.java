package ru.frmr.registry.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import ru.frmr.registry.api.ChangeKind;
import ru.frmr.registry.api.RecordEntry;

/**
 * A change the worker proposes. {@code entry} names its section ({@code "section": "ACCREDITATION"});
 * the domain checks its fields (422 naming {@code entry.<field>}).
 *
 * @param entryId the approved entry to correct or remove; when adding, usually absent (a new id is assigned)
 */
public record ProfileChangeRequest(
        @NotNull
        ChangeKind kind,
        @Pattern(regexp = InputRules.UUID, message = "must be an entry id")
        String entryId,
        RecordEntry entry) {
}
