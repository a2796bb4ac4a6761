package ru.frmr.employer.query;

import java.util.Optional;

/** An employment as its latest version reads, by id; empty for an id the employer-service does not know. */
public interface EmploymentLookup {

    Optional<EmploymentSummary> find(String employmentId);
}
