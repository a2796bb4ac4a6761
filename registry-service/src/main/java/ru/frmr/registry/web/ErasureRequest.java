package ru.frmr.registry.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Why the administrator erases a worker's personal data; kept in the record for good, so it must not quote the
 * data it erases (the record's own rule refuses document numbers, e-mail addresses and phone numbers).
 */
public record ErasureRequest(
        @NotBlank @Size(max = 500) @Pattern(regexp = InputRules.PLAIN_TEXT, message = InputRules.PLAIN_TEXT_MESSAGE)
        String reason) {
}
