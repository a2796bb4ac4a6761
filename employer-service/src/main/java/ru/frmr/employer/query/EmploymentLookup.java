package ru.frmr.employer.query;

import java.util.Optional;

/** The employment records the employer-service keeps, as other features of the service need to see them. */
public interface EmploymentLookup {

    Optional<EmploymentSummary> find(String employmentId);
}
