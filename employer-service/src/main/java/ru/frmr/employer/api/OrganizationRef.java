package ru.frmr.employer.api;

/**
 * The organisation as an employment event names it to the registry, taken from the organisation card when the
 * command was given (so the relay maps stored events without looking anything up).
 */
public record OrganizationRef(String id, String name, String ogrn, String regionCode) {
}
