package ru.frmr.registry.web;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of the worker lookup. No СНИЛС and no contacts: the list is for finding a person; their record
 * ({@code GET /api/registry/workers/{id}}) shows the rest to whoever may see it.
 */
public record WorkerLookupResponse(List<Item> items, int page, int size, long total) {

    /**
     * @param id             the registry number
     * @param accountStatus  {@code ACTIVE}, {@code BLOCKED} or {@code PENDING_VERIFICATION}; null before the first
     *                       login
     * @param pendingChanges how many of the worker's changes await moderation
     */
    public record Item(String id, String lastName, String firstName, String middleName, LocalDate birthDate,
                       String accountStatus, long pendingChanges) {
    }
}
