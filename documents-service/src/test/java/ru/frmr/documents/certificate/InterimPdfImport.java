package ru.frmr.documents.certificate;

import org.springframework.context.annotation.Import;

/** INTERIM until H3's PDF work is merged. */
@Import(InterimPdf.class)
public class InterimPdfImport {
}
