package ru.frmr.auth.web;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ru.frmr.auth.api.PlatformRole;
import ru.frmr.auth.api.SessionClaims;
import ru.frmr.auth.employer.OrganisationMembers;
import ru.frmr.auth.error.AuthException;
import ru.frmr.kit.error.InvalidParameterException;

/**
 * The members of a medical organisation as their logins showed them, for its chief alone: the chief gives the HR
 * right (in the employer-service, by account id) to people picked from this list. Names are personal data, so
 * nobody else sees it, not even the organisation's other HR officers.
 */
@RestController
class OrganisationMembersController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final OrganisationMembers members;

    OrganisationMembersController(OrganisationMembers members) {
        this.members = members;
    }

    @GetMapping("/api/auth/organizations/{orgId}/members")
    ResponseEntity<List<OrganisationMembers.MemberView>> members(@PathVariable String orgId, Caller caller) {
        if (!ID.matcher(orgId).matches()) {
            throw new InvalidParameterException("orgId", "must be 1 to 64 letters, digits, '-' or '_'");
        }
        if (!caller.token().hasRole(PlatformRole.EMPLOYER_HR) || !orgId.equals(caller.token().orgId())
                || !SessionClaims.CHIEF.equals(caller.token().orgBasis())) {
            throw AuthException.forbidden("Only the organisation's chief sees its members.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(members.of(orgId));
    }
}
