package ru.frmr.documents.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A section's table laid out for the page width: column widths from their content, cells wrapped, rows moved to
 * the next page whole when they fit on one (a row longer than a page is split between lines), and the header row
 * repeated at the top of every page the table continues on.
 */
final class Table {

    private static final float SIZE = 8.5f;
    private static final float LEADING = 10.5f;
    private static final float PADDING = 3.5f;
    private static final float MIN_COLUMN = 42;

    private final Typeface typeface;
    private final float[] widths;
    private final List<List<String>> header;
    private final List<List<List<String>>> rows;

    private Table(Typeface typeface, float[] widths, List<List<String>> header, List<List<List<String>>> rows) {
        this.typeface = typeface;
        this.widths = widths;
        this.header = header;
        this.rows = rows;
    }

    static Table of(Typeface typeface, CertificateSection section) {
        int columns = section.columns().size();
        for (List<String> row : section.rows()) {
            columns = Math.max(columns, row.size());
        }
        columns = Math.max(columns, 1);
        float[] widths = widths(typeface, section, columns);
        List<List<String>> header = section.columns().isEmpty() ? null : cells(typeface, section.columns(), widths);
        List<List<List<String>>> rows = new ArrayList<>();
        for (List<String> row : section.rows()) {
            rows.add(cells(typeface, row, widths));
        }
        return new Table(typeface, widths, header, rows);
    }

    /** The header row and the first row: what must fit under a section's heading. */
    float firstRowsHeight() {
        float height = header == null ? 0 : height(header);
        return rows.isEmpty() ? height + LEADING : height + Math.min(height(rows.get(0)), 4 * LEADING + 2 * PADDING);
    }

    void draw(PdfCertificateRenderer.Sheet sheet) throws IOException {
        drawHeader(sheet);
        for (List<List<String>> row : rows) {
            float height = height(row);
            boolean fitsOnAPage = height <= PdfCertificateRenderer.Sheet.TOP - 28 - PdfCertificateRenderer.Sheet.BOTTOM
                    - (header == null ? 0 : height(header));
            if (height > sheet.spaceLeft() && fitsOnAPage) {
                continueOnNextPage(sheet);
            }
            drawSplittable(sheet, row);
        }
    }

    private void drawSplittable(PdfCertificateRenderer.Sheet sheet, List<List<String>> row) throws IOException {
        int lines = lines(row);
        int from = 0;
        while (from < lines) {
            int fit = (int) Math.floor((sheet.spaceLeft() - 2 * PADDING) / LEADING);
            if (fit < 1) {
                continueOnNextPage(sheet);
                continue;
            }
            int to = Math.min(lines, from + fit);
            drawRow(sheet, row, from, to, false);
            from = to;
        }
    }

    private void continueOnNextPage(PdfCertificateRenderer.Sheet sheet) throws IOException {
        sheet.newPage();
        drawHeader(sheet);
    }

    private void drawHeader(PdfCertificateRenderer.Sheet sheet) throws IOException {
        if (header != null) {
            drawRow(sheet, header, 0, lines(header), true);
        }
    }

    private void drawRow(PdfCertificateRenderer.Sheet sheet, List<List<String>> row, int fromLine, int toLine,
                         boolean isHeader) throws IOException {
        PDPageContentStream stream = sheet.stream();
        float top = sheet.y();
        float height = (toLine - fromLine) * LEADING + 2 * PADDING;
        float x = PdfCertificateRenderer.Sheet.LEFT;
        if (isHeader) {
            stream.setNonStrokingColor(0.91f);
            stream.addRect(x, top - height, PdfCertificateRenderer.Sheet.WIDTH, height);
            stream.fill();
            stream.setNonStrokingColor(0f);
        }
        for (int column = 0; column < widths.length; column++) {
            List<String> cell = row.get(column);
            float baseline = top - PADDING - SIZE;
            for (int line = fromLine; line < Math.min(toLine, cell.size()); line++) {
                if (!cell.get(line).isEmpty()) {
                    PdfCertificateRenderer.Sheet.text(stream, typeface, cell.get(line), x + PADDING, baseline, SIZE);
                }
                baseline -= LEADING;
            }
            x += widths[column];
        }
        stream.setStrokingColor(0.55f);
        stream.setLineWidth(0.5f);
        x = PdfCertificateRenderer.Sheet.LEFT;
        for (float width : widths) {
            stream.addRect(x, top - height, width, height);
            x += width;
        }
        stream.stroke();
        stream.setStrokingColor(0f);
        sheet.moveTo(top - height);
    }

    private static float height(List<List<String>> row) {
        return lines(row) * LEADING + 2 * PADDING;
    }

    private static int lines(List<List<String>> row) {
        int lines = 1;
        for (List<String> cell : row) {
            lines = Math.max(lines, cell.size());
        }
        return lines;
    }

    private static List<List<String>> cells(Typeface typeface, List<String> row, float[] widths) {
        List<List<String>> cells = new ArrayList<>(widths.length);
        for (int column = 0; column < widths.length; column++) {
            String text = column < row.size() && row.get(column) != null ? row.get(column) : "";
            cells.add(typeface.wrap(text, SIZE, widths[column] - 2 * PADDING));
        }
        return cells;
    }

    /**
     * Every column gets at least its longest word (so dates and numbers do not break), then the room left goes to
     * the columns with longer text in proportion to how much more they would take; one very long cell counts only
     * up to a cap, so it does not starve the others.
     */
    private static float[] widths(Typeface typeface, CertificateSection section, int columns) {
        float[] least = new float[columns];
        float[] wanted = new float[columns];
        for (int column = 0; column < columns; column++) {
            List<String> texts = new ArrayList<>();
            if (column < section.columns().size()) {
                texts.add(section.columns().get(column));
            }
            for (List<String> row : section.rows()) {
                if (column < row.size()) {
                    texts.add(row.get(column));
                }
            }
            least[column] = MIN_COLUMN;
            wanted[column] = MIN_COLUMN;
            for (String text : texts) {
                least[column] = Math.max(least[column], Math.min(longestWord(typeface, text) + 2 * PADDING, 120));
                wanted[column] = Math.max(wanted[column], Math.min(typeface.width(text, SIZE) + 2 * PADDING, 260));
            }
        }
        float available = PdfCertificateRenderer.Sheet.WIDTH;
        float leastTotal = sum(least);
        float[] widths = new float[columns];
        if (leastTotal >= available) {
            for (int column = 0; column < columns; column++) {
                widths[column] = least[column] / leastTotal * available;
            }
            return widths;
        }
        float extraWanted = sum(wanted) - leastTotal;
        for (int column = 0; column < columns; column++) {
            float share = extraWanted > 0 ? (wanted[column] - least[column]) / extraWanted : 1f / columns;
            widths[column] = least[column] + share * (available - leastTotal);
        }
        return widths;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    private static float longestWord(Typeface typeface, String text) {
        float longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, typeface.width(word, SIZE));
        }
        return longest;
    }
}
