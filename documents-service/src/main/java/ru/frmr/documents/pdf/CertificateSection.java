package ru.frmr.documents.pdf;

import java.util.List;

/** One table of a справка; {@code emptyText} is printed instead of the table when it has no rows. */
public record CertificateSection(String heading, List<String> columns, List<List<String>> rows, String emptyText) {
}
