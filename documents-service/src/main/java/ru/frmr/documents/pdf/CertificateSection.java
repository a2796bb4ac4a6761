package ru.frmr.documents.pdf;

import java.util.List;

/**
 * One table of a справка: a heading, the column headers and the rows (each row one cell per column; a missing
 * cell prints empty). Long cells wrap; a table longer than a page continues on the next with its header row
 * repeated.
 *
 * @param emptyText printed instead of the table when there are no rows («Сведения отсутствуют»)
 */
public record CertificateSection(String heading, List<String> columns, List<List<String>> rows, String emptyText) {

    public CertificateSection {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows.stream().map(row -> row == null ? List.<String>of() : nullsAsEmpty(row))
                .toList();
    }

    private static List<String> nullsAsEmpty(List<String> row) {
        return row.stream().map(cell -> cell == null ? "" : cell).toList();
    }
}
