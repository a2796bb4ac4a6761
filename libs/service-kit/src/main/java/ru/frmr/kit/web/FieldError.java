package ru.frmr.kit.web;

/** One offending input in a problem's {@code errors} list. Never echoes the rejected value. */
public record FieldError(String field, String message) {
}
