package ru.frmr.auth.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A one-time code as typed in. */
record CodeRequest(@NotNull @Pattern(regexp = "^\\d{6}$", message = "must be 6 digits") String code) {

    @Override
    public String toString() {
        return "CodeRequest[***]";
    }
}
