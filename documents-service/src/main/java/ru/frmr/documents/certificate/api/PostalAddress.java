package ru.frmr.documents.certificate.api;

/** Where a справка is posted to. Personal data: events and views keep it only sealed. */
public record PostalAddress(String postcode, String region, String city, String street, String building,
                            String apartment, String recipient) {
}
