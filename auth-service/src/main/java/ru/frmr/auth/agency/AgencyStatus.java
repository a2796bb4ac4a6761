package ru.frmr.auth.agency;

/** An agency either may subscribe (its Kafka user and ACLs exist) or was revoked (they are gone, for good). */
public enum AgencyStatus {
    ACTIVE,
    REVOKED
}
