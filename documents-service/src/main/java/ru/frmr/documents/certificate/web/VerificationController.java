package ru.frmr.documents.certificate.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import ru.frmr.contracts.ProblemTypes;
import ru.frmr.contracts.documents.CertificateType;
import ru.frmr.documents.certificate.issue.CertificateNumbers;
import ru.frmr.documents.certificate.issue.Sha256;
import ru.frmr.documents.certificate.person.PersonFacts;
import ru.frmr.documents.certificate.query.CertificateView;
import ru.frmr.documents.certificate.query.CertificateViews;
import ru.frmr.documents.pdf.SignatureCheck;
import ru.frmr.documents.pdf.SignatureVerifier;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.web.FieldError;
import ru.frmr.kit.web.Problems;

/**
 * Public verification of справки, without login: by number (the QR code's link) and by the PDF itself. A PDF is
 * "issued by the platform, unaltered" only when its SHA-256 is that of an issued справка AND the platform's signature
 * over it verifies: one changed byte fails both. The holder is shown masked (Иванова М. П.); an erased person's
 * справка is REVOKED and names no one.
 */
@RestController
@RequestMapping("/api/documents/verify")
class VerificationController {

    /** The largest PDF checked: the size of an upload. */
    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(VerificationController.class);

    private final CertificateViews views;
    private final PersonFacts facts;
    private final SignatureVerifier verifier;
    private final Problems problems;
    private final Clock clock;

    VerificationController(CertificateViews views, PersonFacts facts, SignatureVerifier verifier, Problems problems,
                           Clock clock) {
        this.views = views;
        this.facts = facts;
        this.verifier = verifier;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/{number}")
    ResponseEntity<?> byNumber(@PathVariable String number, HttpServletRequest request) {
        String normalized = CertificateNumbers.normalize(number);
        if (normalized == null) {
            throw new InvalidParameterException("number", "must be 16 characters (digits and Latin letters "
                    + "without I, L, O, U), as printed: XXXX-XXXX-XXXX-XXXX");
        }
        Optional<CertificateView> view = views.byNumber(normalized);
        if (view.isEmpty()) {
            ProblemDetail problem = problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                    "number: no справка of this number was issued", request.getRequestURI(),
                    List.of(new FieldError("number", "no справка of this number was issued")));
            // "status" is the problem's HTTP status (RFC 9457): the verdict has a member of its own.
            problem.setProperty("verification", "UNKNOWN");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.ok(result(view.get()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_PDF_VALUE)
    PdfCheck pdf(InputStream body) throws IOException {
        return check(limited(body));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PdfCheck upload(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw new InvalidParameterException("file", "is required");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidParameterException("file", "must be at most " + MAX_BYTES + " bytes");
        }
        try (InputStream in = file.getInputStream()) {
            return check(limited(in));
        }
    }

    private PdfCheck check(byte[] pdf) {
        Optional<CertificateView> issued = views.bySha256(Sha256.hex(pdf));
        // Only a file whose digest is an issued справка's is parsed: anything else is not ours whatever its
        // signature says, and parsing an anonymous stranger's PDF would let a few MB of compressed streams (an
        // object or cross-reference stream inflating to gigabytes) exhaust the heap.
        if (issued.isEmpty()) {
            return new PdfCheck(false, false, null, null, new SignatureResult(false, null, null));
        }
        SignatureCheck signature = signature(pdf);
        boolean signatureHolds = signature.signed() && signature.valid() && signature.coversWholeFile();
        boolean genuine = issued.isPresent() && signatureHolds;
        NumberResult found = genuine ? result(issued.get()) : null;
        return new PdfCheck(genuine, genuine, found == null ? null : found.number(),
                found == null ? null : found.status(), new SignatureResult(signatureHolds,
                signatureHolds ? signature.signer() : null, signatureHolds ? signature.signedAt() : null));
    }

    private SignatureCheck signature(byte[] pdf) {
        try {
            return verifier.verify(pdf);
        } catch (RuntimeException notAPdf) {
            // Anyone may post anything here: what does not parse as a signed PDF is simply not one of ours.
            log.debug("Posted file does not verify: {}", notAPdf.getClass().getName());
            return new SignatureCheck(false, false, false, null, null, null);
        }
    }

    private NumberResult result(CertificateView view) {
        Optional<String> holder = facts.maskedName(view.workerId());
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Moscow"));
        String status;
        if (view.revokedAt() != null || holder.isEmpty()) {
            status = "REVOKED";
        } else if (view.validUntil().isBefore(today)) {
            status = "EXPIRED";
        } else {
            status = "VALID";
        }
        return new NumberResult(CertificateItem.grouped(view.number()), status, view.type(), view.issuedAt(),
                view.validUntil(), "REVOKED".equals(status) ? null : holder.orElse(null), view.sha256());
    }

    private static byte[] limited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length == 0) {
            throw new InvalidParameterException("file", "is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidParameterException("file", "must be at most " + MAX_BYTES + " bytes");
        }
        return bytes;
    }

    record NumberResult(String number, String status, CertificateType type, Instant issuedAt, LocalDate validUntil,
                        String holder, String sha256) {
    }

    record PdfCheck(boolean issuedByPlatform, boolean unaltered, String number, String status,
                    SignatureResult signature) {
    }

    record SignatureResult(boolean valid, String signer, Instant signedAt) {
    }
}
