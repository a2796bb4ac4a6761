package ru.frmr.documents.upload;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.mime.MediaType;

/**
 * Decides whether an upload is what it claims and harmless to hand to a moderator or an HR officer: the type from
 * the bytes (Tika's magic numbers, never the name), then the rules of that type. Works on a file on disk: nothing
 * here holds a whole upload in memory except a PDF while its streams are measured (at most 5 MiB, none inflated
 * past a bound) and a decoded image, whose canvas is bounded by {@link UploadProperties#maxPixels()} before it is
 * decoded.
 */
public class FileInspector {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private static final Map<String, String> EXTENSIONS = Map.of("pdf", PDF, "jpg", JPEG, "jpeg", JPEG,
            "jpe", JPEG, "png", PNG);
    /** Declared types browsers and scanners send for the same formats. */
    private static final Map<String, String> DECLARED_ALIASES = Map.of("image/jpg", JPEG, "image/pjpeg", JPEG,
            "image/x-png", PNG, "application/x-pdf", PDF);
    /** Declared types that claim nothing (a client that does not know the type). */
    private static final Set<String> UNCLAIMED = Set.of("application/octet-stream", "binary/octet-stream");

    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** Readers take a PDF whose header starts anywhere in its first 1024 bytes. */
    private static final int PDF_HEADER_WINDOW = 1024;

    private final UploadProperties properties;
    private final Tika tika = new Tika();

    public FileInspector(UploadProperties properties) {
        this.properties = properties;
    }

    /**
     * @param upload              the uploaded bytes on disk (left in place)
     * @param declaredName        the name the client sent, or null
     * @param declaredContentType the part's Content-Type the client sent, or null
     * @param workDir             where a re-encoded image is written
     * @throws UploadRejectedException naming the first rule the file breaks
     */
    public InspectedFile inspect(Path upload, String declaredName, String declaredContentType, Path workDir)
            throws IOException {
        long size = Files.size(upload);
        if (size == 0) {
            throw new UploadRejectedException(UploadRejection.EMPTY);
        }
        if (size > properties.maxBytes()) {
            throw new UploadRejectedException(UploadRejection.TOO_LARGE);
        }
        String mediaType = detect(upload);
        if (!PDF.equals(mediaType) && !JPEG.equals(mediaType) && !PNG.equals(mediaType)) {
            throw new UploadRejectedException(UploadRejection.UNSUPPORTED_TYPE);
        }
        if (!claimsAgree(mediaType, declaredName, declaredContentType)) {
            throw new UploadRejectedException(UploadRejection.TYPE_MISMATCH);
        }
        if (isZipArchive(upload)) {
            throw new UploadRejectedException(UploadRejection.POLYGLOT);
        }
        if (PDF.equals(mediaType)) {
            PdfInspection.check(upload);
            return new InspectedFile(upload, mediaType, size, sha256(upload), false);
        }
        if (hasPdfHeader(upload)) {
            throw new UploadRejectedException(UploadRejection.POLYGLOT);
        }
        Path reencoded = reencode(upload, mediaType, workDir);
        return new InspectedFile(reencoded, mediaType, Files.size(reencoded), sha256(reencoded), true);
    }

    private String detect(Path file) throws IOException {
        try (InputStream in = TikaInputStream.get(file)) {
            return MediaType.parse(tika.detect(in)).getBaseType().toString();
        }
    }

    private static boolean claimsAgree(String mediaType, String declaredName, String declaredContentType) {
        if (declaredName != null) {
            String name = declaredName.strip();
            int dot = name.lastIndexOf('.');
            if (dot >= 0 && !mediaType.equals(EXTENSIONS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        if (declaredContentType != null && !declaredContentType.isBlank()) {
            String declared;
            try {
                MediaType parsed = MediaType.parse(declaredContentType.strip());
                declared = parsed == null ? null : parsed.getBaseType().toString().toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                declared = null;
            }
            if (declared == null) {
                return false;
            }
            declared = DECLARED_ALIASES.getOrDefault(declared, declared);
            return UNCLAIMED.contains(declared) || declared.equals(mediaType);
        }
        return true;
    }

    /** A file the JDK opens as a ZIP archive (its central directory found and consistent) is a ZIP, whatever else it is. */
    private static boolean isZipArchive(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return true;
        } catch (IOException notAZip) {
            // ZipException: no consistent central directory, so no ZIP reader takes it for an archive.
            return false;
        }
    }

    private static boolean hasPdfHeader(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PDF_HEADER_WINDOW + PDF_HEADER.length);
        }
        return PdfInspection.indexOf(head, PDF_HEADER, 0, head.length) >= 0;
    }

    /**
     * Decoding and encoding again keeps the pixels and nothing else: EXIF (with GPS), XMP, comments, text chunks
     * and whatever was appended after the image's end are not carried over. A warning while decoding (a truncated
     * image the decoder would fill with grey) counts as not decoding.
     */
    private Path reencode(Path upload, String mediaType, Path workDir) throws IOException {
        String format = JPEG.equals(mediaType) ? "jpeg" : "png";
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(upload.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UploadRejectedException(UploadRejection.UNDECODABLE_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                boolean[] warned = {false};
                reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
                reader.setInput(in, true, true);
                if (!format.equals(reader.getFormatName().toLowerCase(Locale.ROOT))
                        && !(JPEG.equals(mediaType) && "jpg".equalsIgnoreCase(reader.getFormatName()))) {
                    throw new UploadRejectedException(UploadRejection.UNDECODABLE_IMAGE);
                }
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > properties.maxPixels()) {
                    throw new UploadRejectedException(UploadRejection.UNDECODABLE_IMAGE);
                }
                image = reader.read(0);
                if (warned[0]) {
                    throw new UploadRejectedException(UploadRejection.UNDECODABLE_IMAGE);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRejectedException rejected) {
                throw rejected;
            }
            throw new UploadRejectedException(UploadRejection.UNDECODABLE_IMAGE);
        }
        Path out = Files.createTempFile(workDir, "reencoded-", "." + format);
        try {
            write(image, format, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        return out;
    }

    private void write(BufferedImage image, String format, Path out) throws IOException {
        BufferedImage pixels = image;
        if ("jpeg".equals(format) && (image.getColorModel().hasAlpha()
                || image.getType() == BufferedImage.TYPE_CUSTOM)) {
            pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            pixels.createGraphics().drawImage(image, 0, 0, null);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream target = ImageIO.createImageOutputStream(out.toFile())) {
            writer.setOutput(target);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if ("jpeg".equals(format)) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(properties.jpegQuality());
            }
            writer.write(null, new IIOImage(pixels, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
