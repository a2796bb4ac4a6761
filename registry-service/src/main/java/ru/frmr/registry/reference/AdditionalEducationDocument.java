package ru.frmr.registry.reference;

import java.time.LocalDate;

import ru.frmr.registry.api.AdditionalEducationKind;

/**
 * A kind of document that completes an additional professional programme, from
 * {@code reference/additional-education-documents-v1.json}.
 *
 * @param programKind the kind of programme it is issued for
 * @param issuedUntil the last day it was issued (the свидетельство ended with Federal Law 273-FZ on
 *                    1 September 2013); null while it is still issued
 */
public record AdditionalEducationDocument(String code, String name, AdditionalEducationKind programKind,
                                          LocalDate issuedUntil) {

    public boolean issuableOn(LocalDate date) {
        return issuedUntil == null || !date.isAfter(issuedUntil);
    }
}
