package ru.frmr.contracts.registry;

/** Documents that entitle a worker to practise and that expire. */
public enum LicenseKind {
    CERTIFICATE,
    ACCREDITATION
}
