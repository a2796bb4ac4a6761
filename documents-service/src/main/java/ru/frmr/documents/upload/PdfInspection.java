package ru.frmr.documents.upload;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

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
import org.apache.tika.mime.MediaType;

/**
 * The PDF rules of an upload: not encrypted, no JavaScript, launch actions or embedded files anywhere in its objects
 * (the trailer and every object the cross-reference table lists, not only what the catalogue reaches), nothing after
 * its end that forms another format, and no stream that inflates past a bound before PDFBox parses it.
 */
final class PdfInspection {

    /** Thread-safe; names what follows a PDF's end. */
    private static final Tika TIKA = new Tika();

    private static final byte[] EOF_MARKER = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM_KEYWORD = "stream".getBytes(StandardCharsets.US_ASCII);
    /**
     * The most one PDF stream may inflate to: a 600 dpi greyscale A4 page is about 35 MB; an object stream of a
     * 5 MiB file a few MB. PDFBox would hold an object stream of this size (and copies of it) in memory.
     */
    private static final long MAX_INFLATED_STREAM = 64L * 1024 * 1024;
    /** The most all of a PDF's streams may inflate to: bounds the time the check above takes. */
    private static final long MAX_INFLATED_TOTAL = 512L * 1024 * 1024;

    private static final COSName JAVASCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName GOTO_EMBEDDED = COSName.getPDFName("GoToE");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final COSName RICH_MEDIA = COSName.getPDFName("RichMedia");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");

    private PdfInspection() {
    }

    /**
     * @throws UploadRejectedException naming the first rule the PDF breaks: encrypted, JavaScript, launch actions,
     *                                 embedded files, streams that inflate past the bounds, unreadable
     */
    static void check(Path file) throws IOException {
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
    private static void checkTrailer(Path file) throws IOException {
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
        String other = MediaType.parse(TIKA.detect(new ByteArrayInputStream(rest))).getBaseType().toString();
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

    static int indexOf(byte[] data, byte[] pattern, int from, int to) {
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
