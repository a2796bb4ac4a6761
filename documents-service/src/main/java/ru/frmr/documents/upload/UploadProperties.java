package ru.frmr.documents.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Uploads.
 *
 * @param maxBytes     the largest file accepted (the 5 MiB; exactly this many bytes pass)
 * @param maxPixels    the largest image (width × height) decoded for re-encoding: a small file may declare a huge
 *                     canvas, and decoding it would take width × height × 4 bytes of heap
 * @param jpegQuality  the quality JPEGs are re-encoded at (0..1)
 */
@ConfigurationProperties("frmr.documents.uploads")
public record UploadProperties(@DefaultValue("5242880") long maxBytes,
                               @DefaultValue("25000000") long maxPixels,
                               @DefaultValue("0.9") float jpegQuality) {

    public UploadProperties {
        if (maxBytes <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("frmr.documents.uploads.max-bytes and max-pixels must be positive");
        }
        if (jpegQuality <= 0 || jpegQuality > 1) {
            throw new IllegalArgumentException("frmr.documents.uploads.jpeg-quality must be in (0, 1]");
        }
    }
}
