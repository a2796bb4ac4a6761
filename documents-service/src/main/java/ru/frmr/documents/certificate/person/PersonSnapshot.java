package ru.frmr.documents.certificate.person;

import java.util.List;
import java.util.Optional;

/**
 * A worker as a справка shows them, opened from the sealed store. {@code fullName} is empty when the person is not
 * in the register (never registered, or erased).
 */
public record PersonSnapshot(String workerId, Optional<String> lastName, Optional<String> firstName,
                             Optional<String> middleName, Optional<String> email, boolean erased,
                             List<KnownEmployment> employments, List<KnownEntry> entries) {

    public boolean inRegister() {
        return !erased && lastName.isPresent();
    }

    /** Фамилия Имя Отчество, in that order; the patronymic only when there is one. */
    public Optional<String> fullName() {
        return lastName.map(last -> String.join(" ", nonBlank(last, firstName.orElse(""),
                middleName.orElse(""))));
    }

    /** «Иванова М. П.»: the surname and the initials, as the public verification shows the holder. */
    public Optional<String> maskedName() {
        return lastName.map(last -> {
            StringBuilder masked = new StringBuilder(last);
            firstName.filter(s -> !s.isBlank()).ifPresent(f -> masked.append(' ').append(f.charAt(0)).append('.'));
            middleName.filter(s -> !s.isBlank()).ifPresent(m -> masked.append(' ').append(m.charAt(0)).append('.'));
            return masked.toString();
        });
    }

    private static List<String> nonBlank(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList();
    }
}
