package ru.frmr.employer.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import ru.frmr.employer.api.AnswerOutcome;
import ru.frmr.employer.api.DiscrepancyField;

/** What the worker and HR send about discrepancies. */
final class DiscrepancyRequests {

    private DiscrepancyRequests() {
    }

    record Raise(@NotBlank @Pattern(regexp = Paging.ID_REGEX, message = Paging.ID_MESSAGE) String organizationId,
                 @NotBlank @Pattern(regexp = Paging.ID_REGEX, message = Paging.ID_MESSAGE) String employmentId,
                 @NotNull DiscrepancyField field,
                 @NotBlank @Size(max = 500) String recordedValue,
                 @NotBlank @Size(max = 500) String correctValue,
                 @Size(max = 2000) String comment) {
    }

    record Answer(@NotNull AnswerOutcome outcome, @NotBlank @Size(max = 2000) String explanation) {
    }
}
