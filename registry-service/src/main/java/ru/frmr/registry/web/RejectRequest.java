package ru.frmr.registry.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Why the administrator turns a change down; the worker reads it in the cabinet. */
public record RejectRequest(
        @NotBlank @Size(max = 500) @Pattern(regexp = InputRules.PLAIN_TEXT, message = InputRules.PLAIN_TEXT_MESSAGE)
        String reason) {
}
