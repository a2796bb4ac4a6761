package ru.frmr.employer.api;

/**
 * What a correction of an organisation's card answers.
 *
 * @param version       the card's version after it (unchanged when the card already said all this)
 * @param previousOgrn  the ОГРН the card had before, so the command side can give its claim back
 */
public record CorrectionResult(long version, String previousOgrn) {
}
