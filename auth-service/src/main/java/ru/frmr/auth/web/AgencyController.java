package ru.frmr.auth.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.agency.Agencies;
import ru.frmr.auth.agency.Agencies.KafkaAccess;
import ru.frmr.auth.agency.AgencyDirectory;
import ru.frmr.auth.agency.AgencyIds;
import ru.frmr.auth.agency.AgencyState;
import ru.frmr.auth.agency.AgencyStatus;
import ru.frmr.auth.api.PlatformRole;
import ru.frmr.contracts.auth.AgencyKind;
import ru.frmr.kit.error.InvalidParameterException;
import ru.frmr.kit.error.NotFoundException;

/**
 * A registry administrator onboards supervisory agencies, rotates their Kafka credentials and revokes them. Like the
 * other administrators' writes of auth-service (blocking an account) it needs the REGISTRY_ADMIN role, whose login
 * already required a second factor, and no step-up. The password is in the onboarding and rotation answers only,
 * never cached ({@code Cache-Control: no-store}).
 */
@RestController
@RequestMapping("/api/auth/agencies")
class AgencyController {

    private static final String ID_MESSAGE = "must be an agency id (ag- and 12 lower-case base32 characters)";

    private final Agencies agencies;
    private final AgencyDirectory directory;

    AgencyController(Agencies agencies, AgencyDirectory directory) {
        this.agencies = agencies;
        this.directory = directory;
    }

    @PostMapping
    ResponseEntity<OnboardedResponse> onboard(Caller caller, @Valid @RequestBody OnboardRequest request) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        boolean regional = request.kind() == AgencyKind.REGIONAL_HEALTH_AUTHORITY;
        if (regional != (request.regionCode() != null)) {
            throw new InvalidParameterException("regionCode", regional
                    ? "is required for a regional health authority" : "is only for a regional health authority");
        }
        Agencies.Onboarded onboarded = agencies.onboard(request.name(), request.kind(), request.regionCode());
        AgencyState a = onboarded.agency();
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new OnboardedResponse(a.agencyId(), a.name(), a.kind(), a.regionCode(), a.status(),
                        a.onboardedAt(), onboarded.kafka()));
    }

    @GetMapping
    ListResponse list(Caller caller) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return new ListResponse(directory.all().stream().map(AgencyItem::of).toList());
    }

    @GetMapping("/{agencyId}")
    AgencyItem get(Caller caller,
                   @PathVariable @Pattern(regexp = AgencyIds.PATTERN, message = ID_MESSAGE) String agencyId) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return directory.state(agencyId).map(AgencyItem::of)
                .orElseThrow(() -> new NotFoundException("No agency with this id."));
    }

    @PostMapping("/{agencyId}/kafka-credentials")
    ResponseEntity<CredentialsResponse> rotate(Caller caller,
            @PathVariable @Pattern(regexp = AgencyIds.PATTERN, message = ID_MESSAGE) String agencyId) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new CredentialsResponse(agencies.rotate(agencyId)));
    }

    @PostMapping("/{agencyId}/revoke")
    AgencyItem revoke(Caller caller,
                      @PathVariable @Pattern(regexp = AgencyIds.PATTERN, message = ID_MESSAGE) String agencyId) {
        caller.requireRole(PlatformRole.REGISTRY_ADMIN);
        return AgencyItem.of(agencies.revoke(agencyId));
    }

    /** @param regionCode required for REGIONAL_HEALTH_AUTHORITY, else absent */
    record OnboardRequest(@NotBlank @Size(max = 200) String name, @NotNull AgencyKind kind,
                          @Pattern(regexp = "^(0[1-9]|[1-9][0-9])$", message = "must be a region code 01..99")
                          String regionCode) {
    }

    record OnboardedResponse(String agencyId, String name, AgencyKind kind, String regionCode, AgencyStatus status,
                             Instant onboardedAt, KafkaAccess kafka) {
    }

    record CredentialsResponse(KafkaAccess kafka) {
    }

    record ListResponse(List<AgencyItem> items) {
    }

    record AgencyItem(String agencyId, String name, AgencyKind kind, String regionCode, AgencyStatus status,
                      Instant onboardedAt, Instant revokedAt, String kafkaUsername) {

        static AgencyItem of(AgencyState s) {
            return new AgencyItem(s.agencyId(), s.name(), s.kind(), s.regionCode(), s.status(), s.onboardedAt(),
                    s.revokedAt(), s.kafkaUsername());
        }
    }
}
