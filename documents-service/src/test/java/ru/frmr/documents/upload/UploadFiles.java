package ru.frmr.documents.upload;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDAnnotationAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/**
 * Real files for the upload rules, made the way a scanner, an office program or an attacker would make them: PDFs
 * with PDFBox, images with ImageIO, archives with java.util.zip. Nothing is a hand-typed byte pattern except the EXIF
 * segment, which is built to the TIFF/EXIF layout and spliced into a real JPEG.
 */
public final class UploadFiles {

    public static final int FIVE_MIB = 5 * 1024 * 1024;

    private UploadFiles() {
    }

    public interface DocumentEditor {
        void edit(PDDocument document, PDPage page) throws IOException;
    }

    /** A one-page PDF with a line of text, after {@code editor} changed it. */
    public static byte[] pdf(DocumentEditor editor) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("Diploma scan");
                content.endText();
            }
            editor.edit(document, page);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf() {
        return pdf((document, page) -> { });
    }

    public static byte[] pdfWithOpenActionJavaScript() {
        return pdf((document, page) -> document.getDocumentCatalog()
                .setOpenAction(new PDActionJavaScript("app.alert('hello');")));
    }

    /** The script hides in a link annotation's additional actions on the page, not in the catalog. */
    public static byte[] pdfWithAnnotationJavaScript() {
        return pdf((document, page) -> {
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 600, 100, 20));
            PDAnnotationAdditionalActions actions = new PDAnnotationAdditionalActions();
            actions.setE(new PDActionJavaScript("this.submitForm('https://example.invalid');"));
            link.getCOSObject().setItem(COSName.AA, actions);
            page.getAnnotations().add(link);
        });
    }

    /** A script in the document's name tree of scripts (Names/JavaScript), which readers run on open. */
    public static byte[] pdfWithNamedJavaScript() {
        return pdf((document, page) -> {
            PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
            scripts.setNames(Map.of("init", new PDActionJavaScript("app.alert('named');")));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setJavascript(scripts);
            document.getDocumentCatalog().setNames(names);
        });
    }

    /**
     * A launch action kept only in the cross-reference table: an incremental update adds it as object 99, and no
     * page, annotation or catalog entry points at it.
     */
    public static byte[] pdfWithOrphanLaunchAction() throws IOException {
        byte[] base;
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            base = out.toByteArray();
        }
        String text = new String(base, StandardCharsets.ISO_8859_1);
        int startxref = text.lastIndexOf("startxref");
        int previous = Integer.parseInt(text.substring(startxref + "startxref".length()).trim().split("\\s+")[0]);
        String trailer = text.substring(text.lastIndexOf("trailer"), startxref);
        String dict = trailer.substring(trailer.indexOf("<<"), trailer.lastIndexOf(">>"))
                .replaceFirst("/Size \\d+", "/Size 100") + " /Prev " + previous + " >>";
        String object = "99 0 obj\n<< /Type /Action /S /Launch /F (cmd.exe) >>\nendobj\n";
        int xrefAt = base.length + object.length();
        String update = object + "xref\n99 1\n" + String.format("%010d 00000 n \n", base.length) + "trailer\n"
                + dict + "\nstartxref\n" + xrefAt + "\n%%EOF\n";
        return concat(base, update.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static byte[] pdfWithLaunchAction() {
        return pdf((document, page) -> {
            PDActionLaunch launch = new PDActionLaunch();
            PDComplexFileSpecification target = new PDComplexFileSpecification();
            target.setFile("cmd.exe");
            launch.setFile(target);
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 600, 100, 20));
            link.setAction(launch);
            page.getAnnotations().add(link);
        });
    }

    public static byte[] pdfWithEmbeddedFile() {
        return pdf((document, page) -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.txt");
            PDEmbeddedFile embedded = new PDEmbeddedFile(document,
                    new java.io.ByteArrayInputStream("payload".getBytes(StandardCharsets.US_ASCII)));
            embedded.setSubtype("text/plain");
            spec.setEmbeddedFile(embedded);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("payload.txt", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
        });
    }

    public static byte[] pdfWithFileAttachmentAnnotation() {
        return pdf((document, page) -> {
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.txt");
            spec.setEmbeddedFile(new PDEmbeddedFile(document,
                    new java.io.ByteArrayInputStream("payload".getBytes(StandardCharsets.US_ASCII))));
            PDAnnotationFileAttachment attachment = new PDAnnotationFileAttachment();
            attachment.setRectangle(new PDRectangle(72, 600, 20, 20));
            attachment.setFile(spec);
            page.getAnnotations().add(attachment);
        });
    }

    /** Opens without a password (an owner password only) but is encrypted all the same. */
    public static byte[] encryptedPdf(String userPassword) {
        return pdf((document, page) -> {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
    }

    /** A valid PDF of exactly {@code size} bytes: a random, unfiltered stream object takes up the rest. */
    public static byte[] pdfOfSize(int size) {
        Random random = new Random(size);
        int padding = size - pdf().length - 100;
        for (int attempt = 0; attempt < 20; attempt++) {
            int length = padding;
            byte[] fill = new byte[length];
            random.nextBytes(fill);
            byte[] made = pdf((document, page) -> {
                COSStream stream = document.getDocument().createCOSStream();
                try (var out = stream.createRawOutputStream()) {
                    out.write(fill);
                }
                document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Padding"), stream);
            });
            if (made.length == size) {
                return made;
            }
            padding += size - made.length;
        }
        throw new IllegalStateException("could not make a PDF of exactly " + size + " bytes");
    }

    /**
     * A PDF whose only page dictionary points into an object stream of {@code inflatedBytes} once inflated (blank
     * padding after one small object), listed in a cross-reference stream: a few hundred KB on disk.
     */
    public static byte[] pdfWithObjectStreamInflatingTo(long inflatedBytes) {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION))) {
            out.write("6 0 <</A 1>>".getBytes(StandardCharsets.US_ASCII));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (long written = 0; written < inflatedBytes; written += blanks.length) {
                out.write(blanks);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        int[] offsets = new int[8];
        pdf.writeBytes("%PDF-1.5\n".getBytes(StandardCharsets.US_ASCII));
        offsets[1] = pdf.size();
        pdf.writeBytes("1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n".getBytes(StandardCharsets.US_ASCII));
        offsets[2] = pdf.size();
        pdf.writeBytes("2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n".getBytes(StandardCharsets.US_ASCII));
        offsets[3] = pdf.size();
        pdf.writeBytes("3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]/X 6 0 R>> endobj\n"
                .getBytes(StandardCharsets.US_ASCII));
        offsets[5] = pdf.size();
        pdf.writeBytes(("5 0 obj <</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length " + deflated.size()
                + ">>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        pdf.writeBytes(deflated.toByteArray());
        pdf.writeBytes("\nendstream endobj\n".getBytes(StandardCharsets.US_ASCII));
        int xref = pdf.size();
        // Cross-reference stream rows (W [1 4 1]): type, offset or object stream number, generation or index.
        int[][] rows = {{0, 0, 255}, {1, offsets[1], 0}, {1, offsets[2], 0}, {1, offsets[3], 0}, {0, 0, 0},
                {1, offsets[5], 0}, {2, 5, 0}, {1, xref, 0}};
        ByteBuffer table = ByteBuffer.allocate(rows.length * 6);
        for (int[] row : rows) {
            table.put((byte) row[0]).putInt(row[1]).put((byte) row[2]);
        }
        pdf.writeBytes(("7 0 obj <</Type/XRef/Size 8/W[1 4 1]/Root 1 0 R/Length " + table.capacity()
                + ">>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        pdf.writeBytes(table.array());
        pdf.writeBytes(("\nendstream endobj\nstartxref\n" + xref + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        return pdf.toByteArray();
    }

    /** A PDF with a ZIP archive appended after its %%EOF: readers of both formats open it. */
    public static byte[] pdfWithZipAppended() {
        return concat(pdf(), zip());
    }

    public static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("payload.txt"));
            zip.write("hidden".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30, 60, 120));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A JPEG with a camera's EXIF segment carrying GPS coordinates (55°45'N 37°37'E) right after its start. */
    public static byte[] jpegWithGps(BufferedImage image) {
        byte[] plain = jpeg(image);
        byte[] app1 = exifWithGps();
        ByteBuffer segment = ByteBuffer.allocate(4 + app1.length).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (app1.length + 2)).put(app1);
        return concat(java.util.Arrays.copyOfRange(plain, 0, 2), segment.array(),
                java.util.Arrays.copyOfRange(plain, 2, plain.length));
    }

    /** Bytes that mark the GPS data in {@link #jpegWithGps}: the latitude reference and its 55/1 rational. */
    public static final byte[] GPS_LATITUDE_55 = {0, 0, 0, 55, 0, 0, 0, 1};

    static byte[] exifWithGps() {
        // "Exif\0\0", then a big-endian TIFF: header, IFD0 with the GPSInfo pointer, the GPS IFD, its rationals.
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.BIG_ENDIAN);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);                                      // IFD0 at 8: one entry
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26); // GPSInfo -> 26
        tiff.putInt(0);                                                // no next IFD
        tiff.putShort((short) 4);                                      // GPS IFD at 26: four entries
        int values = 26 + 2 + 4 * 12 + 4;                              // = 80
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(values);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
        tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(values + 24);
        tiff.putInt(0);
        for (int degrees : List.of(55, 45, 0, 37, 37, 0)) {
            tiff.putInt(degrees).putInt(1);
        }
        byte[] body = java.util.Arrays.copyOf(tiff.array(), tiff.position());
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), body);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
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
