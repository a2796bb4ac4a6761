package ru.frmr.documents.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * How long a справка takes to render and sign (and to verify) in a warm JVM, for a one-page and a five-page
 * справка, with each signing algorithm. A program, not a test: timings need a quiet machine, so no build phase
 * runs it (it has no {@code @Test}). From {@code documents-service/}:
 *
 * <pre>
 * ../mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -cp target/test-classes:target/classes:$(cat target/bench.classpath) \
 *     ru.frmr.documents.pdf.RenderAndSignBenchmark [measured runs]
 * </pre>
 *
 * (or with {@code -pl documents-service -am} from the repository root when the other modules are not installed.)
 * Default 300 measured runs per case after 100 warm-up ones; prints p50, p95 and max in milliseconds.
 */
public final class RenderAndSignBenchmark {

    private static final int WARM_UP = 100;
    private static final Instant SIGNED_AT = Instant.parse("2026-12-06T09:15:30Z");

    private RenderAndSignBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        PdfCertificateRenderer renderer = new PdfCertificateRenderer();
        int onePage = rowsFor(renderer, 1);
        int fivePages = rowsFor(renderer, 5);
        System.out.printf(Locale.ROOT, "%-10s %-18s %5s %8s | %-22s | %-22s | %-22s%n", "pages", "algorithm", "rows",
                "bytes", "render p50/p95/max", "render+sign p50/p95/max", "verify p50/p95/max");
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            PlatformSigningKey key = algorithm == SigningAlgorithm.GOST3410_2012_256 ? TestSigningKeys.development()
                    : TestSigningKeys.ecdsa("benchmark");
            for (int rows : new int[] {onePage, fivePages}) {
                measure(renderer, new PadesDocumentSigner(key), new CmsSignatureVerifier(key), algorithm, rows, runs);
            }
        }
    }

    private static void measure(PdfCertificateRenderer renderer, PadesDocumentSigner signer,
                                CmsSignatureVerifier verifier, SigningAlgorithm algorithm, int rows, int runs) {
        CertificateContent content = Certificates.employmentHistory(rows);
        long[] render = new long[runs];
        long[] total = new long[runs];
        long[] verify = new long[runs];
        byte[] signed = null;
        for (int i = -WARM_UP; i < runs; i++) {
            long start = System.nanoTime();
            byte[] pdf = renderer.render(content);
            long rendered = System.nanoTime();
            signed = signer.sign(pdf, SIGNED_AT);
            long done = System.nanoTime();
            if (!verifier.verify(signed).valid()) {
                throw new IllegalStateException("the signed справка does not verify");
            }
            long verified = System.nanoTime();
            if (i >= 0) {
                render[i] = rendered - start;
                total[i] = done - start;
                verify[i] = verified - done;
            }
        }
        System.out.printf(Locale.ROOT, "%-10d %-18s %5d %8d | %-22s | %-22s | %-22s%n", pages(signed), algorithm, rows,
                signed.length, summary(render), summary(total), summary(verify));
    }

    /** The fewest rows of the employment table that make a справка of {@code pages} pages. */
    private static int rowsFor(PdfCertificateRenderer renderer, int pages) {
        int rows = 1;
        while (pages(renderer.render(Certificates.employmentHistory(rows))) < pages) {
            rows++;
        }
        return rows;
    }

    private static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
