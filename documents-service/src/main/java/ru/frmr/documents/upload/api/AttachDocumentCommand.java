package ru.frmr.documents.upload.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The caller attaches their stored document to something others decide on; only its owner may. */
public record AttachDocumentCommand(@TargetAggregateIdentifier String documentId, String callerAccountId,
                                    Attachment attachment, Instant attachedAt) {
}
