package ru.frmr.employer.query;

import java.util.Optional;

/** The names of the medical organisations the employer-service knows. */
public interface OrganizationNames {

    Optional<String> nameOf(String organizationId);
}
