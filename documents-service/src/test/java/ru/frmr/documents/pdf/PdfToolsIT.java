package ru.frmr.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed справка as other software reads it: poppler's {@code pdftotext} extracts the Russian text, and
 * {@code pdffonts} lists only embedded subset fonts. The build installs poppler-utils before the integration tests
 * ({@code install-pdf-tools.sh}); where it could not, this test fails and says which package is missing.
 */
class PdfToolsIT {

    private static final String MISSING = "poppler-utils is not installed (pdftotext, pdffonts): "
            + "apt-get install -y poppler-utils";

    @TempDir
    static Path dir;

    private static Path pdf;

    @BeforeAll
    static void signedSpravka() throws IOException {
        byte[] unsigned = new PdfCertificateRenderer().render(Certificates.employmentHistory(40));
        byte[] signed = new PadesDocumentSigner(TestSigningKeys.development()).sign(unsigned,
                Instant.parse("2026-12-06T09:15:30Z"));
        pdf = Files.write(dir.resolve("spravka.pdf"), signed);
    }

    @Test
    void pdftotextExtractsTheRussianText() throws IOException, InterruptedException {
        String text = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").replaceAll("\\s+", " ");

        assertThat(text).contains("Федеральный регистр медицинских работников",
                "Справка о трудовой деятельности (стаже) медицинского работника", "Иванова Мария Петровна",
                "Действительна до:", "05.01.2027", "Врач-терапевт участковый", "Стр. 1 из", "Стр. 3 из",
                "Документ подписан электронной подписью", Certificates.URL);
    }

    @Test
    void pdffontsShowsOnlyAnEmbeddedSubsetOfLiberationSans() throws IOException, InterruptedException {
        List<String> fonts = run("pdffonts", pdf.toString()).lines().skip(2).toList();

        // name type encoding emb sub uni object: e.g. "ABCDEF+LiberationSans CID TrueType Identity-H yes yes yes 9 0"
        assertThat(fonts).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("[A-Z]{6}\\+LiberationSans\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes\\s+.*"));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            throw new AssertionError(MISSING, notInstalled);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
        return output;
    }
}
