package ru.frmr.employer.query;

import java.util.Optional;

/** The medical organisations this service knows, by id (the organisations read model). */
public interface OrganizationDirectory {

    Optional<OrganizationCard> find(String organizationId);
}
