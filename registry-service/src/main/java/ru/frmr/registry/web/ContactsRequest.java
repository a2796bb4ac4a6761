package ru.frmr.registry.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The worker's own contacts; {@code mobile} may be omitted. */
public record ContactsRequest(
        @NotBlank @Email @Size(max = 254)
        String email,
        @Pattern(regexp = InputRules.MOBILE, message = InputRules.MOBILE_MESSAGE)
        String mobile) {

    @Override
    public String toString() {
        return "ContactsRequest[***]";
    }
}
