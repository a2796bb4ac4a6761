package ru.frmr.documents.upload;

import java.nio.file.Path;

/**
 * A file that passed every upload rule, ready to be stored.
 *
 * @param content   the bytes to store: the upload itself for a PDF, a re-encoded copy for an image
 * @param mediaType {@code application/pdf}, {@code image/jpeg} or {@code image/png}, as the bytes say
 * @param sha256    hex SHA-256 of {@code content}
 * @param reencoded whether {@code content} is a temporary copy the caller deletes
 */
public record InspectedFile(Path content, String mediaType, long sizeBytes, String sha256, boolean reencoded) {
}
