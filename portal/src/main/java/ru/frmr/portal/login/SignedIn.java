package ru.frmr.portal.login;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Who is signed in to this portal session: what the pages need to greet the person and build the menu. The
 * tokens themselves are not here but in {@link PortalLogins}, under {@code handle}.
 *
 * @param handle      the key of the person's tokens in {@link PortalLogins}; known only to this session
 * @param accountId   auth-service's account id ({@code sub})
 * @param sessionId   auth-service's session id ({@code sid}), so the sessions page can mark "this device"
 * @param displayName the person's name in ФИО order, when known
 * @param roles       the platform roles of the token ({@code WORKER}, {@code REGISTRY_ADMIN}, …)
 * @param workerId    the registry number of the person's record, when they have one
 * @param orgId       the organisation an HR officer acts for
 * @param orgBasis    why they act for it ({@code CHIEF}, {@code ADMIN} or {@code GRANTED}); only a chief hands out
 *                    the HR right
 */
public record SignedIn(String handle, String accountId, String sessionId, String displayName, Set<String> roles,
                       String workerId, String orgId, String orgBasis) implements Serializable {

    // Still 1 with orgBasis added: a record reads its components by name, so a session kept before has none (null).
    @Serial
    private static final long serialVersionUID = 1L;

    public SignedIn {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public SignedIn withWorkerId(String worker) {
        return new SignedIn(handle, accountId, sessionId, displayName, roles, worker, orgId, orgBasis);
    }

    public SignedIn withDisplayName(String name) {
        return new SignedIn(handle, accountId, sessionId, name, roles, workerId, orgId, orgBasis);
    }

    /** The chief of the organisation they act for: the one who grants and revokes the HR right. */
    public boolean chief() {
        return has("EMPLOYER_HR") && orgId != null && "CHIEF".equals(orgBasis);
    }

    /** The roles in the order the menu lists them. */
    public List<String> rolesInOrder() {
        return List.of("WORKER", "EMPLOYER_HR", "REGISTRY_ADMIN", "SUPERVISOR", "AUDITOR").stream()
                .filter(roles::contains).toList();
    }

    @Override
    public String toString() {
        return "SignedIn[account=" + accountId + ", roles=" + roles + "]";
    }
}
