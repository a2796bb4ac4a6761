package ru.frmr.documents.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A QR code drawn as vector squares (sharp at any zoom and print resolution, a few hundred bytes), error
 * correction M (survives ~15% damage: a fold, a stamp), with the standard quiet zone of four modules inside the
 * given square.
 */
final class QrCode {

    private static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    /** Draws the code with its top left corner at ({@code left}, {@code top}); returns its bottom edge. */
    static float draw(PDPageContentStream stream, String text, float left, float top, float size) throws IOException {
        BitMatrix modules;
        try {
            // Width and height 0: the smallest matrix, one unit per module, quiet zone included.
            modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("The verification URL does not fit a QR code", tooLong);
        }
        float module = size / modules.getWidth();
        stream.setNonStrokingColor(0f);
        for (int row = 0; row < modules.getHeight(); row++) {
            int column = 0;
            while (column < modules.getWidth()) {
                if (!modules.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < modules.getWidth() && modules.get(column, row)) {
                    column++;
                }
                // One rectangle per run of dark modules: fewer operators, and no hairline seams between neighbours.
                stream.addRect(left + start * module, top - (row + 1) * module, (column - start) * module, module);
            }
        }
        stream.fill();
        return top - modules.getHeight() * module;
    }
}
