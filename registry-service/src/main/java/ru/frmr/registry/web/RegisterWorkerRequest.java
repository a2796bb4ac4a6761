package ru.frmr.registry.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Field names as ESIA's person API uses them. */
public record RegisterWorkerRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = InputRules.PERSON_NAME, message = InputRules.PERSON_NAME_MESSAGE)
        String lastName,
        @NotBlank @Size(max = 100) @Pattern(regexp = InputRules.PERSON_NAME, message = InputRules.PERSON_NAME_MESSAGE)
        String firstName,
        @Size(max = 100) @Pattern(regexp = InputRules.PERSON_NAME, message = InputRules.PERSON_NAME_MESSAGE)
        String middleName,
        @NotNull @Past
        LocalDate birthDate,
        @NotBlank @ValidSnils
        String snils,
        @NotBlank @Email @Size(max = 254)
        String email) {

    @Override
    public String toString() {
        return "RegisterWorkerRequest[***]";
    }
}
