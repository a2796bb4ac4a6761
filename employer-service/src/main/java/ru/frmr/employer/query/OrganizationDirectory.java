package ru.frmr.employer.query;

import java.util.List;
import java.util.Optional;

/** The medical organisations the employer-service knows, by id (the organisations' read model). */
public interface OrganizationDirectory {

    Optional<OrganizationCard> find(String organizationId);

    /** The ids of every organisation in the region (a regional supervisor's scope). */
    List<String> idsInRegion(String regionCode);
}
