package ru.frmr.documents.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * A справка as an A4 PDF: the platform's header, the title, number, holder and dates beside a QR code of the public
 * verification URL, the sections as tables (long ones continue over pages with their header row repeated), and on
 * every page a footer on the electronic signature with «Стр. i из N».
 *
 * <p>All text is set in Liberation Sans (the copy inside the PDFBox jar, SIL Open Font License), embedded as a
 * subset through a Type 0 font: the PDF then shows and yields Cyrillic text anywhere, with no font installed on
 * the reader's machine. A character the font lacks is printed as «?» rather than failing the справка.
 */
@Component
class PdfCertificateRenderer implements CertificateRenderer {

    static final String REGISTER = "Федеральный регистр медицинских работников";
    static final String SIGNATURE_NOTICE = "Документ подписан электронной подписью Федерального регистра медицинских "
            + "работников. Подлинность и неизменность документа можно проверить без входа в личный кабинет по "
            + "QR-коду или по адресу: ";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final byte[] font;

    PdfCertificateRenderer() {
        try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException(FONT + " is not in the PDFBox jar");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] render(CertificateContent content) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font type0 = PDType0Font.load(document, new ByteArrayInputStream(font), true);
            Sheet sheet = new Sheet(document, new Typeface(type0), content.number());
            firstPage(sheet, content);
            for (CertificateSection section : content.sections()) {
                section(sheet, section);
            }
            closing(sheet);
            sheet.finish();
            footers(document, sheet.typeface(), text(content.verificationUrl()));
            describe(document, content);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the справка", e);
        }
    }

    private static void firstPage(Sheet sheet, CertificateContent content) throws IOException {
        sheet.newPage();
        // The right column holds the QR code and, under it, its URL on one line where it fits.
        float qrSize = 112;
        float column = 190;
        float top = sheet.y();
        float textWidth = Sheet.WIDTH - column - 12;

        float qrBottom = QrCode.draw(sheet.stream(), text(content.verificationUrl()), Sheet.RIGHT - qrSize, top, qrSize);
        float urlY = qrBottom - 2;
        for (String line : sheet.typeface().wrapUrl(text(content.verificationUrl()), 7, column)) {
            urlY -= 8.5f;
            sheet.text(line, Sheet.RIGHT - sheet.typeface().width(line, 7), urlY, 7);
        }

        sheet.paragraph(text(content.title()), 15, textWidth, 19);
        sheet.gap(2);
        sheet.paragraph("№ " + text(content.number()), 12, textWidth, 16);
        sheet.gap(8);
        sheet.field("Выдана", text(content.holderFullName()), textWidth);
        sheet.field("Регистровый номер", text(content.registryNumber()), textWidth);
        sheet.field("Цель выдачи", text(content.purpose()), textWidth);
        sheet.field("Дата выдачи", date(content.issueDate()), textWidth);
        sheet.field("Действительна до", date(content.validUntil()) + " включительно", textWidth);
        sheet.moveTo(Math.min(sheet.y(), urlY - 6));
        sheet.gap(10);
    }

    private static void section(Sheet sheet, CertificateSection section) throws IOException {
        Table table = Table.of(sheet.typeface(), section);
        // A heading is never left alone at the bottom of a page: it goes with the table's header and first row.
        sheet.keep(18 + table.firstRowsHeight());
        sheet.paragraph(text(section.heading()), 12, Sheet.WIDTH, 16);
        sheet.gap(4);
        if (section.rows().isEmpty()) {
            sheet.paragraph(text(section.emptyText() == null ? "Сведения отсутствуют." : section.emptyText()), 10,
                    Sheet.WIDTH, 13);
        } else {
            table.draw(sheet);
        }
        sheet.gap(12);
    }

    private static void closing(Sheet sheet) throws IOException {
        String note = "Сведения приведены по данным Федерального регистра медицинских работников на дату выдачи "
                + "справки.";
        sheet.keep(14);
        sheet.paragraph(note, 9, Sheet.WIDTH, 12);
    }

    private static void footers(PDDocument document, Typeface typeface, String url) throws IOException {
        int pages = document.getNumberOfPages();
        List<String> notice = typeface.wrap(SIGNATURE_NOTICE + url, 7.5f, Sheet.WIDTH - 70);
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream stream = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                stream.setStrokingColor(0.6f);
                stream.setLineWidth(0.5f);
                stream.moveTo(Sheet.LEFT, Sheet.FOOTER_TOP);
                stream.lineTo(Sheet.RIGHT, Sheet.FOOTER_TOP);
                stream.stroke();
                float y = Sheet.FOOTER_TOP - 10;
                for (String line : notice) {
                    Sheet.text(stream, typeface, line, Sheet.LEFT, y, 7.5f);
                    y -= 9.5f;
                }
                String number = "Стр. " + (i + 1) + " из " + pages;
                Sheet.text(stream, typeface, number, Sheet.RIGHT - typeface.width(number, 8), Sheet.FOOTER_TOP - 10, 8);
            }
        }
    }

    /** Title and producer only: nothing about the holder beyond the page, no file names, no author. */
    private static void describe(PDDocument document, CertificateContent content) {
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(text(content.title()) + " № " + text(content.number()));
        information.setSubject("Справка " + REGISTER);
        information.setCreator(REGISTER);
        information.setProducer("ФРМР documents-service, Apache PDFBox");
        document.getDocumentCatalog().setLanguage("ru-RU");
    }

    private static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** The page being filled, its content stream and the baseline position going down. */
    static final class Sheet {

        static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
        static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
        static final float LEFT = 50;
        static final float RIGHT = PAGE_WIDTH - 50;
        static final float WIDTH = RIGHT - LEFT;
        static final float TOP = PAGE_HEIGHT - 42;
        static final float FOOTER_TOP = 62;
        static final float BOTTOM = FOOTER_TOP + 12;

        private final PDDocument document;
        private final Typeface typeface;
        private final String number;
        private PDPageContentStream stream;
        private float y;
        private int pages;

        Sheet(PDDocument document, Typeface typeface, String number) {
            this.document = document;
            this.typeface = typeface;
            this.number = number;
        }

        Typeface typeface() {
            return typeface;
        }

        PDPageContentStream stream() {
            return stream;
        }

        float y() {
            return y;
        }

        void moveTo(float newY) {
            y = newY;
        }

        void gap(float points) {
            y -= points;
        }

        /** Starts a page with the register's header (and, after the first, the справка's number). */
        void newPage() throws IOException {
            finish();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            pages++;
            y = TOP;
            text(REGISTER, LEFT, y, 10);
            if (pages > 1 && number != null) {
                String continued = "Справка № " + number;
                text(continued, RIGHT - typeface.width(continued, 9), y, 9);
            }
            stream.setStrokingColor(0.6f);
            stream.setLineWidth(0.5f);
            stream.moveTo(LEFT, y - 6);
            stream.lineTo(RIGHT, y - 6);
            stream.stroke();
            stream.setStrokingColor(0f);
            y -= 28;
        }

        /** Goes on a new page unless {@code height} points still fit on this one. */
        void keep(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        float spaceLeft() {
            return y - BOTTOM;
        }

        void paragraph(String text, float size, float width, float leading) throws IOException {
            for (String line : typeface.wrap(text, size, width)) {
                keep(leading);
                y -= leading - size;
                y -= size;
                text(line, LEFT, y + 2, size);
            }
        }

        /** «Label: value», the value wrapping under itself. */
        void field(String label, String value, float width) throws IOException {
            float size = 10.5f;
            float leading = 15;
            String caption = label + ":";
            float indent = 118;
            List<String> lines = typeface.wrap(value, size, width - indent);
            keep(leading);
            text(caption, LEFT, y - size, size);
            for (String line : lines) {
                keep(leading);
                text(line, LEFT + indent, y - size, size);
                y -= leading;
            }
        }

        void text(String text, float x, float baseline, float size) throws IOException {
            text(stream, typeface, text, x, baseline, size);
        }

        static void text(PDPageContentStream stream, Typeface typeface, String text, float x, float baseline,
                         float size) throws IOException {
            stream.beginText();
            stream.setFont(typeface.font(), size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(typeface.printable(text));
            stream.endText();
        }

        void finish() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }
}
