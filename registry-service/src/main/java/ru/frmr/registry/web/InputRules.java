package ru.frmr.registry.web;

/** Shapes of free-text input shared by request bodies. */
final class InputRules {

    /** Letters (Cyrillic or Latin), spaces, hyphens, apostrophes; must start with a letter. No markup. */
    static final String PERSON_NAME = "^[\\p{IsCyrillic}\\p{IsLatin}][\\p{IsCyrillic}\\p{IsLatin} '\\-]*$";
    static final String PERSON_NAME_MESSAGE = "may contain only letters, spaces, hyphens and apostrophes";
    /** Russian mobile number in international form. */
    static final String MOBILE = "^\\+7\\d{10}$";
    static final String MOBILE_MESSAGE = "must look like +79991234567";
    /** Any text without markup: it is shown to other people. */
    static final String PLAIN_TEXT = "^[^<>]*$";
    static final String PLAIN_TEXT_MESSAGE = "must be plain text";
    static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private InputRules() {
    }
}
