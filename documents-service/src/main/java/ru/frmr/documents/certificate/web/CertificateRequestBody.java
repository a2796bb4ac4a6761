package ru.frmr.documents.certificate.web;

import java.util.regex.Pattern;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.api.PostalAddress;
import ru.frmr.kit.error.InvalidParameterException;

/** A worker's request for a справка; {@code postalAddress} only (and always) for delivery by post. */
record CertificateRequestBody(CertificateType type, String purpose, CertificateDelivery delivery,
                              AddressBody postalAddress) {

    private static final Pattern POSTCODE = Pattern.compile("^\\d{6}$");
    private static final int TEXT_MAX = 200;
    private static final int APARTMENT_MAX = 20;

    /** The address as it is sealed, or null when the request names none; throws naming the field at fault. */
    PostalAddress checked() {
        if (type == null) {
            throw new InvalidParameterException("type", "is required: QUALIFICATION, EMPLOYMENT_HISTORY or "
                    + "REGISTER_EXTRACT");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new InvalidParameterException("purpose", "is required");
        }
        if (delivery == null) {
            throw new InvalidParameterException("delivery", "is required: DOWNLOAD, EMAIL or POST");
        }
        if (delivery != CertificateDelivery.POST) {
            if (postalAddress != null) {
                throw new InvalidParameterException("postalAddress", "is only for delivery by post");
            }
            return null;
        }
        if (postalAddress == null) {
            throw new InvalidParameterException("postalAddress", "is required for delivery by post");
        }
        if (postalAddress.postcode() == null || !POSTCODE.matcher(postalAddress.postcode()).matches()) {
            throw new InvalidParameterException("postalAddress.postcode", "must be 6 digits");
        }
        String region = required(postalAddress.region(), "postalAddress.region");
        String city = required(postalAddress.city(), "postalAddress.city");
        String street = required(postalAddress.street(), "postalAddress.street");
        String building = required(postalAddress.building(), "postalAddress.building");
        String apartment = optional(postalAddress.apartment(), "postalAddress.apartment", APARTMENT_MAX);
        String recipient = optional(postalAddress.recipient(), "postalAddress.recipient", TEXT_MAX);
        return new PostalAddress(postalAddress.postcode(), region, city, street, building, apartment, recipient);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(field, "is required");
        }
        return optional(value, field, TEXT_MAX);
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException(field, "must be at most " + max + " characters, no control "
                    + "characters");
        }
        return text;
    }

    record AddressBody(String postcode, String region, String city, String street, String building,
                       String apartment, String recipient) {
    }
}
