package ru.frmr.employer.web;

import java.net.URI;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.contracts.reference.CodeList;
import ru.frmr.employer.api.OrganizationDetails;
import ru.frmr.employer.command.OrganizationRegistry;
import ru.frmr.employer.query.OrganizationQueries;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;
import ru.frmr.kit.security.CurrentUser;

/**
 * Medical organisations: anyone signed in finds and reads them (a worker picks the one to link to); registry
 * administrators add and correct them; the chief grants and revokes the HR right. Who may call what is decided on
 * the path ({@code AccessRulesConfiguration}).
 */
@RestController
@RequestMapping("/api/employer/organizations")
@Validated
class OrganizationController {

    private static final String NO_SUCH_ORGANIZATION = "orgId: no such medical organisation";
    private static final CodeList REGIONS = CodeList.load(CodeList.REGIONS);

    private final OrganizationRegistry registry;
    private final OrganizationQueries queries;

    OrganizationController(OrganizationRegistry registry, OrganizationQueries queries) {
        this.registry = registry;
        this.queries = queries;
    }

    @GetMapping
    OrganizationPage list(@RequestParam(required = false) String q,
                          @RequestParam(required = false) String regionCode,
                          @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (q != null && q.length() > 300) {
            throw new InvalidParameterException("q", "is longer than 300 characters");
        }
        if (regionCode != null && !REGIONS.contains(regionCode)) {
            throw new InvalidParameterException("regionCode", "is not a code of the regions list");
        }
        OrganizationQueries.Page found = queries.search(q, regionCode, page, size);
        return new OrganizationPage(found.items().stream().map(OrganizationResponse::of).toList(), page, size,
                found.total());
    }

    @GetMapping("/{orgId}")
    OrganizationResponse get(@PathVariable String orgId) {
        return queries.find(id(orgId)).map(OrganizationResponse::of)
                .orElseThrow(() -> new NotFoundException(NO_SUCH_ORGANIZATION));
    }

    @PostMapping
    ResponseEntity<OrganizationResponse> register(@Valid @RequestBody OrganizationRequest request,
                                                  @AuthenticationPrincipal CurrentUser admin) {
        String id = OrganizationRegistry.newOrganizationId();
        OrganizationDetails card = registry.register(id, request.details(), admin.accountId());
        return ResponseEntity.created(URI.create("/api/employer/organizations/" + id))
                .body(OrganizationResponse.of(id, card, 1));
    }

    @PutMapping("/{orgId}")
    OrganizationResponse correct(@PathVariable String orgId, @Valid @RequestBody OrganizationRequest request,
                                 @AuthenticationPrincipal CurrentUser admin) {
        if (request.version() == null) {
            throw new InvalidParameterException("version", "is required: the version of the card being corrected");
        }
        String id = id(orgId);
        return OrganizationResponse.of(known(() -> registry.correct(id, request.details(), request.version(),
                admin.accountId())));
    }

    @GetMapping("/{orgId}/hr-rights")
    HrRightsResponse hrRights(@PathVariable String orgId) {
        String id = id(orgId);
        return new HrRightsResponse(
                queries.grants(id).stream()
                        .map(g -> new HrRightsResponse.Grant(g.accountId(), g.grantedAt(), g.grantedBy())).toList(),
                queries.rightsHistory(id).stream()
                        .map(c -> new HrRightsResponse.Change(c.accountId(), c.action(), c.at(), c.by())).toList());
    }

    @PutMapping("/{orgId}/hr-rights/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void grant(@PathVariable String orgId, @PathVariable String accountId,
               @AuthenticationPrincipal CurrentUser chief) {
        String id = id(orgId);
        String account = account(accountId);
        known(() -> registry.grantHrRight(id, account, chief.accountId()));
    }

    @DeleteMapping("/{orgId}/hr-rights/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String orgId, @PathVariable String accountId,
                @AuthenticationPrincipal CurrentUser chief) {
        String id = id(orgId);
        String account = account(accountId);
        known(() -> registry.revokeHrRight(id, account, chief.accountId()));
    }

    /** A command to an organisation that does not exist: 404 naming {@code orgId}, as the GET says it. */
    private static <T> T known(Supplier<T> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException(NO_SUCH_ORGANIZATION);
        }
    }

    private static void known(Runnable command) {
        known(() -> {
            command.run();
            return null;
        });
    }

    private static String id(String orgId) {
        Paging.checkId(orgId, "orgId");
        return orgId;
    }

    private static String account(String accountId) {
        Paging.checkId(accountId, "accountId");
        return accountId;
    }
}
