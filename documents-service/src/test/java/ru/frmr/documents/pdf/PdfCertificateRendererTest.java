package ru.frmr.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfCertificateRendererTest {

    private final PdfCertificateRenderer renderer = new PdfCertificateRenderer();

    @Test
    void theRussianTextIsThereAsTextInAnEmbeddedSubsetFont() throws IOException {
        byte[] pdf = renderer.render(Certificates.employmentHistory(3));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = words(new PDFTextStripper().getText(document));
            assertThat(text).contains("Федеральный регистр медицинских работников",
                    "Справка о трудовой деятельности (стаже) медицинского работника", "№ 7K3M-9QXD-2HFA-B6ZP",
                    "Иванова Мария Петровна", "ФРМР-0000-4512-77", "для представления по месту требования",
                    "Дата выдачи:", "06.12.2026", "Действительна до:", "05.01.2027", "Врач-терапевт участковый",
                    "Сведения об аккредитации отсутствуют.", "Документ подписан электронной подписью",
                    "Стр. 1 из 1");
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    // A subset's name carries a six-letter tag: only the glyphs used are in the file.
                    assertThat(font.getName()).matches("[A-Z]{6}\\+LiberationSans");
                }
            }
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
        }
    }

    @Test
    void aLongTableContinuesOverPagesWithItsHeaderRowOnEachAndThePagesNumbered() throws IOException {
        byte[] pdf = renderer.render(Certificates.employmentHistory(60));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            List<String> texts = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                texts.add(words(stripper.getText(document)));
            }
            for (int page = 1; page <= pages; page++) {
                String text = texts.get(page - 1);
                assertThat(text).as("page " + page).contains("Стр. " + page + " из " + pages,
                        "Федеральный регистр медицинских работников", "Документ подписан электронной подписью");
                if (page < pages) {
                    assertThat(text).as("page " + page).contains("Организация", "Должность", "Окончание");
                }
            }
            String all = String.join("\n", texts);
            for (int job = 1; job <= 60; job++) {
                assertThat(all).contains("№ " + job + " имени");
            }
            assertThat(texts.get(pages - 1)).contains("по настоящее время", "Сведения об аккредитации отсутствуют.");
        }
    }

    @Test
    void theQrCodeReadAtTwoHundredDpiIsTheVerificationUrl() throws IOException, Exception {
        byte[] pdf = renderer.render(Certificates.employmentHistory(2));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.GRAY);
            Result result = new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE)));

            assertThat(result.getText()).isEqualTo(Certificates.URL);
            assertThat(new PDFTextStripper().getText(document)).contains(Certificates.URL + "\n");
        } catch (NotFoundException notFound) {
            throw new AssertionError("no QR code on the first page", notFound);
        }
    }

    @Test
    void theDocumentInformationNamesTheSpravkaButNotThePerson() throws IOException {
        byte[] pdf = renderer.render(Certificates.employmentHistory(1));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            var information = document.getDocumentInformation();
            assertThat(information.getTitle())
                    .isEqualTo("Справка о трудовой деятельности (стаже) медицинского работника № 7K3M-9QXD-2HFA-B6ZP");
            assertThat(information.getProducer()).contains("ФРМР");
            assertThat(information.getAuthor()).isNull();
            assertThat(information.getKeywords()).isNull();
            assertThat(information.getMetadataKeys()).containsExactlyInAnyOrder("Title", "Subject", "Creator",
                    "Producer");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ru-RU");
        }
    }

    @Test
    void charactersTheFontLacksAndMissingValuesDoNotFailTheSpravka() throws IOException {
        CertificateContent content = new CertificateContent("AAAA-BBBB-CCCC-DDDD", null, "Справка\u0007 ✈ 漢字", null,
                null, "строка\nс переносом", null, null, Certificates.URL,
                List.of(new CertificateSection("Таблица без заголовков", null,
                        List.of(List.of("одна ячейка"), List.of("две", "ячейки"),
                                List.of("Слово" + "оченьдлинное".repeat(30))), null),
                        new CertificateSection(null, List.of("А"), null, null)));

        byte[] pdf = renderer.render(content);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = words(new PDFTextStripper().getText(document));
            assertThat(text).contains("Справка", "?", "одна ячейка", "ячейки", "Сведения отсутствуют.", "—");
            assertThat(text.replaceAll("\\s", "")).contains("Слово" + "оченьдлинное".repeat(30));
        }
    }

    /** The text with every run of white space (line breaks of wrapped cells included) as one space. */
    static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
