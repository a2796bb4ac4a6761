package ru.frmr.documents.upload;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipFile;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
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

    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM_KEYWORD = "stream".getBytes(StandardCharsets.US_ASCII);
    /**
     * The most one PDF stream may inflate to: a 600 dpi greyscale A4 page is about 35 MB; an object stream of a
     * 5 MiB file a few MB. PDFBox would hold an object stream of this size (and copies of it) in memory.
     */
    private static final long MAX_INFLATED_STREAM = 64L * 1024 * 1024;
    /** The most all of a PDF's streams may inflate to: bounds the time the check above takes. */
    private static final long MAX_INFLATED_TOTAL = 512L * 1024 * 1024;
    /** Readers take a PDF whose header starts anywhere in its first 1024 bytes. */
    private static final int PDF_HEADER_WINDOW = 1024;

    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName GOTO_EMBEDDED = COSName.getPDFName("GoToE");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");

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
            checkPdf(upload);
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
        return indexOf(head, PDF_HEADER, 0, head.length) >= 0;
    }

    private void checkPdf(Path file) throws IOException {
        checkTrailer(file);
        checkInflation(file);
        Set<UploadRejection> found = EnumSet.noneOf(UploadRejection.class);
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            if (document.isEncrypted()) {
                throw new UploadRejectedException(UploadRejection.ENCRYPTED_PDF);
            }
            walk(document.getDocument(), found);
        } catch (InvalidPasswordException e) {
            throw new UploadRejectedException(UploadRejection.ENCRYPTED_PDF);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRejectedException rejected) {
                throw rejected;
            }
            throw new UploadRejectedException(UploadRejection.MALFORMED_PDF);
        }
        // EnumSet iterates in declaration order: JavaScript before launch actions before embedded files.
        if (!found.isEmpty()) {
            throw new UploadRejectedException(found.iterator().next());
        }
    }

    /**
     * PDFBox inflates object and cross-reference streams whole into memory while it parses, and which streams those
     * are is not known before parsing (their {@code /Type} is optional): a few MB of Flate data can claim gigabytes.
     * So every stream's data that inflates is inflated here first, into nothing, and a stream past
     * {@link #MAX_INFLATED_STREAM} or a file past {@link #MAX_INFLATED_TOTAL} is refused before PDFBox sees it.
     */
    private static void checkInflation(Path file) throws IOException {
        // At most 5 MiB (checked before): held whole while measured, so each stream is tried without a copy.
        byte[] pdf = Files.readAllBytes(file);
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        Inflater inflater = new Inflater();
        try {
            for (int at = indexOf(pdf, STREAM_KEYWORD, 0, pdf.length); at >= 0;
                 at = indexOf(pdf, STREAM_KEYWORD, at + 1, pdf.length)) {
                int data = streamData(pdf, at);
                if (data < 0) {
                    continue;
                }
                inflater.reset();
                inflater.setInput(pdf, data, pdf.length - data);
                long inflated = 0;
                try {
                    int n;
                    while ((n = inflater.inflate(sink)) > 0) {
                        inflated += n;
                        if (inflated > MAX_INFLATED_STREAM || total + inflated > MAX_INFLATED_TOTAL) {
                            throw new UploadRejectedException(UploadRejection.MALFORMED_PDF);
                        }
                    }
                } catch (DataFormatException notFlate) {
                    // Not Flate data (an image's DCT bytes, plain content): PDFBox does not inflate it either.
                }
                total += inflated;
            }
        } finally {
            inflater.end();
        }
    }

    /** Where the data of the {@code stream} keyword at {@code at} begins (after its end of line), or -1. */
    private static int streamData(byte[] pdf, int at) {
        boolean end = at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd';
        int eol = at + STREAM_KEYWORD.length;
        if (end || eol >= pdf.length) {
            return -1;
        }
        if (pdf[eol] == '\r' && eol + 1 < pdf.length && pdf[eol + 1] == '\n') {
            return eol + 2;
        }
        return pdf[eol] == '\n' || pdf[eol] == '\r' ? eol + 1 : -1;
    }

    /**
     * What follows the last {@code %%EOF} is not part of the PDF; readers ignore it, other programs may not. Blank
     * padding is common, anything another format claims (an appended archive, an image) makes the file a polyglot.
     */
    private void checkTrailer(Path file) throws IOException {
        long lastEof = -1;
        long position = 0;
        byte[] buffer = new byte[64 * 1024];
        byte[] carry = new byte[0];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                byte[] window = new byte[carry.length + read];
                System.arraycopy(carry, 0, window, 0, carry.length);
                System.arraycopy(buffer, 0, window, carry.length, read);
                long windowStart = position - carry.length;
                for (int at = indexOf(window, EOF_MARKER, 0, window.length); at >= 0;
                     at = indexOf(window, EOF_MARKER, at + 1, window.length)) {
                    lastEof = Math.max(lastEof, windowStart + at);
                }
                position += read;
                int keep = Math.min(EOF_MARKER.length - 1, window.length);
                carry = Arrays.copyOfRange(window, window.length - keep, window.length);
            }
        }
        if (lastEof < 0) {
            return;
        }
        long tailStart = lastEof + EOF_MARKER.length;
        long tailLength = position - tailStart;
        if (tailLength <= 0) {
            return;
        }
        byte[] tail;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(tailStart);
            tail = in.readNBytes((int) Math.min(tailLength, 64 * 1024));
        }
        int from = 0;
        while (from < tail.length && (Character.isWhitespace(tail[from]) || tail[from] == 0)) {
            from++;
        }
        if (from == tail.length) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(tail, from, tail.length);
        String other = MediaType.parse(tika.detect(new ByteArrayInputStream(rest))).getBaseType().toString();
        if (!"application/octet-stream".equals(other) && !"text/plain".equals(other)) {
            throw new UploadRejectedException(UploadRejection.POLYGLOT);
        }
    }

    /**
     * Every object of the file, reachable from the trailer or only listed in the cross-reference table, is looked
     * at: an action hidden in a page's annotation, a form field or an orphan object counts as much as one in the
     * catalog's OpenAction.
     */
    private static void walk(COSDocument document, Set<UploadRejection> found) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(document.getTrailer());
        for (COSObjectKey key : document.getXrefTable().keySet()) {
            COSObject object = document.getObjectFromPool(key);
            if (object != null) {
                pending.push(object);
            }
        }
        while (!pending.isEmpty()) {
            COSBase next = pending.pop();
            if (next instanceof COSObject indirect) {
                next = indirect.getObject();
            }
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next instanceof COSDictionary dictionary) {
                inspect(dictionary, found);
                for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
                    pending.push(entry.getValue());
                }
            } else if (next instanceof COSArray array) {
                for (Iterator<COSBase> it = array.iterator(); it.hasNext(); ) {
                    COSBase element = it.next();
                    if (element != null) {
                        pending.push(element);
                    }
                }
            }
        }
    }

    private static void inspect(COSDictionary dictionary, Set<UploadRejection> found) {
        COSName action = dictionary.getCOSName(COSName.S);
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        // XFA forms carry their own scripts; the document's name tree of scripts runs on open.
        if (JAVASCRIPT.equals(action) || dictionary.containsKey(COSName.JS) || dictionary.containsKey(JAVASCRIPT)
                || dictionary.containsKey(COSName.XFA)) {
            found.add(UploadRejection.PDF_JAVASCRIPT);
        }
        if (LAUNCH.equals(action)) {
            found.add(UploadRejection.PDF_LAUNCH_ACTION);
        }
        if (dictionary.containsKey(COSName.EMBEDDED_FILES) || dictionary.containsKey(COSName.EF)
                || FILE_ATTACHMENT.equals(subtype) || RICH_MEDIA.equals(subtype) || GOTO_EMBEDDED.equals(action)
                || EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))) {
            found.add(UploadRejection.PDF_EMBEDDED_FILE);
        }
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

    private static int indexOf(byte[] data, byte[] pattern, int from, int to) {
        outer:
        for (int i = from; i <= to - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
