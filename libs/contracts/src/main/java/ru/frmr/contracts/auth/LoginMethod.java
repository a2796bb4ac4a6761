package ru.frmr.contracts.auth;

/** How a person proved who they are. */
public enum LoginMethod {
    ESIA,
    OIDC,
    QUALIFIED_SIGNATURE
}
