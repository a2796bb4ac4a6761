package ru.frmr.esia.emulator.person;

/** As ESIA writes it: {@code M} or {@code F}. */
public enum Gender {
    M, F
}
