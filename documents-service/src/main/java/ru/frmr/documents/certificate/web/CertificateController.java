package ru.frmr.documents.certificate.web;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.documents.CertificateDelivery;
import ru.frmr.documents.certificate.api.CertificateStatus;
import ru.frmr.documents.certificate.api.DeliveryChannel;
import ru.frmr.documents.certificate.api.PostalAddress;
import ru.frmr.documents.certificate.api.RecordDeliveryCommand;
import ru.frmr.documents.certificate.api.RequestCertificateCommand;
import ru.frmr.documents.certificate.issue.CertificateFiles;
import ru.frmr.documents.certificate.person.PersonFacts;
import ru.frmr.documents.certificate.query.CertificateView;
import ru.frmr.documents.certificate.query.CertificateViews;
import ru.frmr.kit.crypto.PersonalDataCipher;
import ru.frmr.kit.error.BusinessRuleException;
import ru.frmr.kit.error.ConflictException;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.kit.security.CurrentUser;

/** A worker's справки: request one, follow its status, download it. Only their own: another's is "not found". */
@RestController
@RequestMapping("/api/documents/me/certificates")
class CertificateController {

    static final Pattern REQUEST_ID = Pattern.compile("^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$");

    private final CommandGateway commands;
    private final CertificateViews views;
    private final PersonFacts facts;
    private final CertificateFiles files;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;

    CertificateController(CommandGateway commands, CertificateViews views, PersonFacts facts, CertificateFiles files,
                          PersonalDataCipher cipher, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.views = views;
        this.facts = facts;
        this.files = files;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<CertificateItem> request(@AuthenticationPrincipal CurrentUser user,
                                            @RequestBody CertificateRequestBody body) {
        String workerId = workerOf(user);
        PostalAddress address = body.checked();
        if (body.delivery() == CertificateDelivery.EMAIL && facts.email(workerId).isEmpty()) {
            throw new BusinessRuleException("delivery", "no e-mail address is known for the account: choose "
                    + "download or post");
        }
        String requestId = UUID.randomUUID().toString();
        commands.sendAndWait(new RequestCertificateCommand(requestId, workerId, user.accountId(), body.type(),
                body.purpose(), body.delivery(), address == null ? null : cipher.encrypt(workerId, toJson(address)),
                clock.instant()));
        // The views follow the events a moment later; the request as it stands now is known without them.
        CertificateItem item = new CertificateItem(requestId, body.type(), body.purpose().strip(), body.delivery(),
                CertificateStatus.REQUESTED, clock.instant(), null, null, null, null, null, null, null);
        return ResponseEntity.created(URI.create("/api/documents/me/certificates/" + requestId)).body(item);
    }

    @GetMapping
    Page<CertificateItem> list(@AuthenticationPrincipal CurrentUser user,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        Page.check(page, size);
        CertificateViews.Page found = views.ofWorker(workerOf(user), page, size);
        return new Page<>(found.items().stream().map(CertificateItem::of).toList(), page, size, found.total());
    }

    @GetMapping("/{requestId}")
    CertificateItem one(@AuthenticationPrincipal CurrentUser user, @PathVariable String requestId) {
        return CertificateItem.of(own(user, requestId));
    }

    @GetMapping("/{requestId}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable String requestId) {
        CertificateView view = own(user, requestId);
        if (view.status() != CertificateStatus.READY && view.status() != CertificateStatus.DELIVERED) {
            throw new ConflictException("requestId", "the справка is not ready: " + view.status());
        }
        byte[] pdf = files.read(view.number()).orElseThrow(() -> new NotFoundException("requestId: no such справка"));
        if (view.delivery() == CertificateDelivery.DOWNLOAD && view.status() == CertificateStatus.READY) {
            commands.sendAndWait(new RecordDeliveryCommand(requestId, DeliveryChannel.DOWNLOADED, null,
                    clock.instant()));
        }
        String name = "spravka-" + CertificateItem.grouped(view.number()) + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }

    private CertificateView own(CurrentUser user, String requestId) {
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            throw new InvalidParameterException("requestId", "must be a request id (a UUID)");
        }
        String workerId = workerOf(user);
        return views.byId(requestId).filter(v -> v.workerId().equals(workerId))
                .orElseThrow(() -> new NotFoundException("requestId: no such справка request"));
    }

    private static String workerOf(CurrentUser user) {
        if (user.workerId() == null) {
            throw new BusinessRuleException("worker_id", "the account has no registry record yet");
        }
        return user.workerId();
    }

    private String toJson(PostalAddress address) {
        try {
            return json.writeValueAsString(address);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
