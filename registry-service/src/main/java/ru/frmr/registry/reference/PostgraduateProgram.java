package ru.frmr.registry.reference;

/**
 * A kind of postgraduate programme from {@code reference/postgraduate-programs-v1.json}.
 *
 * @param specialtyLevel the level segment of the specialty code the programme trains for ({@code 08} is
 *                       ординатура: {@code 31.08.49}); null when it trains for none of the specialties
 *                       dictionary (аспирантура leads to a scientific specialty)
 */
public record PostgraduateProgram(String code, String name, String specialtyLevel) {

    public boolean trainsForSpecialty() {
        return specialtyLevel != null;
    }

    /** Whether {@code specialtyCode} ({@code 31.08.49}) is of the level this programme trains for. */
    public boolean trainsFor(String specialtyCode) {
        String[] parts = specialtyCode.split("\\.");
        return parts.length == 3 && parts[1].equals(specialtyLevel);
    }
}
