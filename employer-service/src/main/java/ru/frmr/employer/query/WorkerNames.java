package ru.frmr.employer.query;

import java.util.Optional;

/** Workers' names (ФИО) as the employer-service knows them from the registry; empty when unknown or erased. */
public interface WorkerNames {

    Optional<String> nameOf(String workerId);
}
