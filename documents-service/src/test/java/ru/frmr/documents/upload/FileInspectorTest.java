package ru.frmr.documents.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every upload rule against real files (see {@link UploadFiles} for how each is made). */
class FileInspectorTest {

    private final FileInspector inspector = new FileInspector(new UploadProperties(UploadFiles.FIVE_MIB, 25_000_000,
            0.9f));

    @TempDir
    Path dir;

    private InspectedFile inspect(byte[] bytes, String name, String contentType) throws IOException {
        Path upload = Files.createTempFile(dir, "upload-", ".bin");
        Files.write(upload, bytes);
        return inspector.inspect(upload, name, contentType, dir);
    }

    private void rejected(byte[] bytes, String name, String contentType, UploadRejection reason) {
        assertThatThrownBy(() -> inspect(bytes, name, contentType))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aPlainPdfIsStoredAsItCame() throws IOException {
        byte[] pdf = UploadFiles.pdf();
        InspectedFile file = inspect(pdf, "диплом.pdf", "application/pdf");
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.reencoded()).isFalse();
        assertThat(file.sizeBytes()).isEqualTo(pdf.length);
        assertThat(file.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(pdf)));
    }

    @Test
    void anEmptyFileIsRefused() {
        rejected(new byte[0], "a.pdf", "application/pdf", UploadRejection.EMPTY);
    }

    @Test
    void exactlyFiveMebibytesPassAndOneByteMoreDoesNot() throws IOException {
        byte[] exact = UploadFiles.pdfOfSize(UploadFiles.FIVE_MIB);
        byte[] over = UploadFiles.pdfOfSize(UploadFiles.FIVE_MIB + 1);
        assertThat(exact).hasSize(5_242_880);
        assertThat(over).hasSize(5_242_881);

        assertThat(inspect(exact, "scan.pdf", "application/pdf").sizeBytes()).isEqualTo(5_242_880);
        rejected(over, "scan.pdf", "application/pdf", UploadRejection.TOO_LARGE);
    }

    @Test
    void onlyPdfJpegAndPngAreAccepted() {
        rejected("just some text\n".getBytes(StandardCharsets.UTF_8), "a.txt", "text/plain",
                UploadRejection.UNSUPPORTED_TYPE);
        rejected(UploadFiles.zip(), "a.zip", "application/zip", UploadRejection.UNSUPPORTED_TYPE);
        rejected(gif(), "a.gif", "image/gif", UploadRejection.UNSUPPORTED_TYPE);
    }

    @Test
    void aPngRenamedPdfIsAMismatch() {
        byte[] png = UploadFiles.png(UploadFiles.picture(40, 30));
        rejected(png, "diploma.pdf", null, UploadRejection.TYPE_MISMATCH);
        rejected(png, "diploma.png", "application/pdf", UploadRejection.TYPE_MISMATCH);
        rejected(UploadFiles.pdf(), "diploma.jpg", "application/pdf", UploadRejection.TYPE_MISMATCH);
    }

    @Test
    void undeclaredOrGenericallyDeclaredTypesAreDecidedByTheBytes() throws IOException {
        assertThat(inspect(UploadFiles.pdf(), "scan", "application/octet-stream").mediaType())
                .isEqualTo("application/pdf");
        assertThat(inspect(UploadFiles.jpeg(UploadFiles.picture(20, 20)), "photo.JPG", "image/jpg").mediaType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void encryptedPdfsAreRefusedWithOrWithoutAUserPassword() {
        rejected(UploadFiles.encryptedPdf(""), "a.pdf", "application/pdf", UploadRejection.ENCRYPTED_PDF);
        rejected(UploadFiles.encryptedPdf("user-secret"), "a.pdf", "application/pdf", UploadRejection.ENCRYPTED_PDF);
    }

    @Test
    void javaScriptIsRefusedInTheCatalogAndOnAPage() {
        rejected(UploadFiles.pdfWithOpenActionJavaScript(), "a.pdf", "application/pdf",
                UploadRejection.PDF_JAVASCRIPT);
        rejected(UploadFiles.pdfWithAnnotationJavaScript(), "a.pdf", "application/pdf",
                UploadRejection.PDF_JAVASCRIPT);
    }

    @Test
    void javaScriptInTheNameTreeIsRefused() {
        rejected(UploadFiles.pdfWithNamedJavaScript(), "a.pdf", "application/pdf", UploadRejection.PDF_JAVASCRIPT);
    }

    @Test
    void launchActionsAreRefused() {
        rejected(UploadFiles.pdfWithLaunchAction(), "a.pdf", "application/pdf", UploadRejection.PDF_LAUNCH_ACTION);
    }

    @Test
    void aLaunchActionNothingPointsAtIsFoundAllTheSame() throws IOException {
        byte[] orphan = UploadFiles.pdfWithOrphanLaunchAction();
        try (var document = org.apache.pdfbox.Loader.loadPDF(orphan)) {
            assertThat(document.getNumberOfPages()).as("still a valid PDF").isEqualTo(1);
        }
        rejected(orphan, "a.pdf", "application/pdf", UploadRejection.PDF_LAUNCH_ACTION);
    }

    @Test
    void aPdfWhoseObjectStreamInflatesPastTheBoundIsRefusedBeforePdfBoxParsesIt() throws IOException {
        byte[] modest = UploadFiles.pdfWithObjectStreamInflatingTo(1L << 20);
        assertThat(inspect(modest, "a.pdf", "application/pdf").mediaType()).as("the same structure, small")
                .isEqualTo("application/pdf");

        byte[] bomb = UploadFiles.pdfWithObjectStreamInflatingTo(200L << 20);
        assertThat(bomb.length).as("a few hundred KB on disk").isLessThan(1 << 20);
        rejected(bomb, "a.pdf", "application/pdf", UploadRejection.MALFORMED_PDF);
    }

    @Test
    void embeddedAndAttachedFilesAreRefused() {
        rejected(UploadFiles.pdfWithEmbeddedFile(), "a.pdf", "application/pdf", UploadRejection.PDF_EMBEDDED_FILE);
        rejected(UploadFiles.pdfWithFileAttachmentAnnotation(), "a.pdf", "application/pdf",
                UploadRejection.PDF_EMBEDDED_FILE);
    }

    @Test
    void aPdfThatIsAlsoAZipIsAPolyglot() {
        rejected(UploadFiles.pdfWithZipAppended(), "a.pdf", "application/pdf", UploadRejection.POLYGLOT);
    }

    @Test
    void anotherFormatAfterTheLastEofIsAPolyglotButBlankPaddingIsNot() throws IOException {
        byte[] png = UploadFiles.png(UploadFiles.picture(10, 10));
        rejected(UploadFiles.concat(UploadFiles.pdf(), png), "a.pdf", "application/pdf", UploadRejection.POLYGLOT);
        assertThat(inspect(UploadFiles.concat(UploadFiles.pdf(), "\r\n\n  ".getBytes(StandardCharsets.US_ASCII)),
                "a.pdf", "application/pdf").mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void anImageWithAZipAppendedIsAPolyglot() {
        byte[] jpeg = UploadFiles.jpeg(UploadFiles.picture(40, 30));
        rejected(UploadFiles.concat(jpeg, UploadFiles.zip()), "a.jpg", "image/jpeg", UploadRejection.POLYGLOT);
        byte[] png = UploadFiles.png(UploadFiles.picture(40, 30));
        rejected(UploadFiles.concat(png, UploadFiles.zip()), "a.png", "image/png", UploadRejection.POLYGLOT);
    }

    @Test
    void anImageWithAPdfInsideItsFirstKilobyteIsAPolyglot() {
        byte[] jpeg = UploadFiles.jpeg(UploadFiles.picture(40, 30));
        byte[] comment = UploadFiles.concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 10},
                "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        byte[] polyglot = UploadFiles.concat(Arrays.copyOfRange(jpeg, 0, 2), comment,
                Arrays.copyOfRange(jpeg, 2, jpeg.length));
        rejected(polyglot, "a.jpg", "image/jpeg", UploadRejection.POLYGLOT);
    }

    @Test
    void imagesThatDoNotDecodeAreRefused() {
        byte[] jpeg = UploadFiles.jpeg(UploadFiles.picture(400, 300));
        rejected(Arrays.copyOf(jpeg, jpeg.length / 2), "a.jpg", "image/jpeg", UploadRejection.UNDECODABLE_IMAGE);
        byte[] png = UploadFiles.png(UploadFiles.picture(400, 300));
        rejected(Arrays.copyOf(png, 60), "a.png", "image/png", UploadRejection.UNDECODABLE_IMAGE);
    }

    @Test
    void aHugeCanvasIsNotDecoded() {
        FileInspector small = new FileInspector(new UploadProperties(UploadFiles.FIVE_MIB, 100 * 100, 0.9f));
        byte[] png = UploadFiles.png(UploadFiles.picture(101, 100));
        assertThatThrownBy(() -> {
            Path upload = Files.write(Files.createTempFile(dir, "big", ".png"), png);
            small.inspect(upload, "a.png", "image/png", dir);
        }).isInstanceOfSatisfying(UploadRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(UploadRejection.UNDECODABLE_IMAGE));
    }

    @Test
    void aJpegLosesItsExifAndGpsButKeepsItsPicture() throws IOException {
        BufferedImage picture = UploadFiles.picture(320, 240);
        byte[] withGps = UploadFiles.jpegWithGps(picture);
        assertThat(UploadFiles.indexOf(withGps, "Exif\0\0".getBytes(StandardCharsets.US_ASCII))).isPositive();
        assertThat(UploadFiles.indexOf(withGps, UploadFiles.GPS_LATITUDE_55)).isPositive();
        assertThat(ImageIO.read(new ByteArrayInputStream(withGps))).as("the EXIF JPEG is a real JPEG").isNotNull();

        InspectedFile file = inspect(withGps, "photo.jpg", "image/jpeg");

        byte[] stored = Files.readAllBytes(file.content());
        assertThat(file.reencoded()).isTrue();
        assertThat(file.mediaType()).isEqualTo("image/jpeg");
        assertThat(file.sizeBytes()).isEqualTo(stored.length);
        assertThat(file.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(stored)));
        assertThat(UploadFiles.indexOf(stored, "Exif".getBytes(StandardCharsets.US_ASCII))).isNegative();
        assertThat(UploadFiles.indexOf(stored, UploadFiles.GPS_LATITUDE_55)).isNegative();
        assertThat(UploadFiles.indexOf(stored, new byte[] {(byte) 0xFF, (byte) 0xE1})).as("no APP1 segment")
                .isNegative();
        BufferedImage back = ImageIO.read(file.content().toFile());
        assertThat(back.getWidth()).isEqualTo(320);
        assertThat(back.getHeight()).isEqualTo(240);
    }

    @Test
    void aPngLosesItsTextChunks() throws IOException {
        byte[] png = UploadFiles.png(UploadFiles.picture(50, 40));
        byte[] text = pngChunk("tEXt", "Comment\0Lat 55.75 Lon 37.62".getBytes(StandardCharsets.ISO_8859_1));
        // Insert the chunk after the IHDR chunk (8-byte signature + 25-byte IHDR).
        byte[] withText = UploadFiles.concat(Arrays.copyOfRange(png, 0, 33), text,
                Arrays.copyOfRange(png, 33, png.length));
        assertThat(ImageIO.read(new ByteArrayInputStream(withText))).isNotNull();

        InspectedFile file = inspect(withText, "scan.png", "image/png");

        byte[] stored = Files.readAllBytes(file.content());
        assertThat(UploadFiles.indexOf(stored, "tEXt".getBytes(StandardCharsets.US_ASCII))).isNegative();
        assertThat(UploadFiles.indexOf(stored, "Lat 55".getBytes(StandardCharsets.US_ASCII))).isNegative();
        assertThat(ImageIO.read(file.content().toFile()).getWidth()).isEqualTo(50);
    }

    private static byte[] pngChunk(String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(typeBytes);
        crc.update(data);
        return java.nio.ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static byte[] gif() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            ImageIO.write(UploadFiles.picture(10, 10), "gif", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
