package ru.frmr.documents.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** One embedded font of one document: what it can print, how wide text is, and line wrapping by width. */
final class Typeface {

    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();

    Typeface(PDType0Font font) {
        this.font = font;
    }

    PDType0Font font() {
        return font;
    }

    /** The text with control characters as spaces and characters the font has no glyph for as «?». */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                out.append(' ');
            } else if (printable.computeIfAbsent(c, this::hasGlyph)) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(printable(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines no wider than {@code width}: broken at spaces and line breaks, a word wider than a line broken inside.
     * Empty text is one empty line.
     */
    List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > width) {
                    int fits = fitting(rest, size, width);
                    lines.add(rest.substring(0, fits));
                    rest = rest.substring(fits);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** A URL in lines no wider than {@code width}, broken after a «/» where possible, else inside a segment. */
    List<String> wrapUrl(String url, float size, float width) {
        List<String> lines = new ArrayList<>();
        String rest = url;
        while (width(rest, size) > width) {
            int fits = fitting(rest, size, width);
            int slash = rest.lastIndexOf('/', fits - 1);
            int cut = slash > 0 ? slash + 1 : fits;
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        lines.add(rest);
        return lines;
    }

    /** How many leading chars of {@code word} fit in {@code width}: at least one code point, so wrapping ends. */
    private int fitting(String word, float size, float width) {
        int fits = word.offsetByCodePoints(0, 1);
        while (fits < word.length()) {
            int next = word.offsetByCodePoints(fits, 1);
            if (width(word.substring(0, next), size) > width) {
                break;
            }
            fits = next;
        }
        return fits;
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException noGlyph) {
            return false;
        }
    }
}
