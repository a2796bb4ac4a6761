package ru.frmr.auth.employer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.frmr.auth.identity.IdentifiedPerson;
import ru.frmr.auth.identity.OrganisationRole;
import ru.frmr.auth.privacy.PersonalDataVault;

/**
 * Who has logged in as a member of a medical organisation, as ESIA listed them at their latest login: the chief picks
 * whom to give the HR right from this list ({@code GET /api/auth/organizations/{orgId}/members}). Kept only for
 * organisations the employer-service knows; a login replaces the person's memberships (someone who left an
 * organisation drops out of its list at their next login). The name is sealed under the person's data key, so an
 * erasure makes it unreadable here too.
 */
@Component
public class OrganisationMembers {

    static final String COLLECTION = "organisation_members";

    private final MongoTemplate mongo;
    private final EmployerOrganizations organizations;
    private final PersonalDataVault vault;
    private final Clock clock;

    OrganisationMembers(MongoTemplate mongo, EmployerOrganizations organizations, PersonalDataVault vault,
                        Clock clock) {
        this.mongo = mongo;
        this.organizations = organizations;
        this.vault = vault;
        this.clock = clock;
        mongo.indexOps(COLLECTION).ensureIndex(new Index("organizationId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).ensureIndex(new Index("accountId", Sort.Direction.ASC));
    }

    /** @param dataSubject the subject of the person's data key */
    public void recordLogin(String accountId, IdentifiedPerson person, String dataSubject) {
        Instant now = clock.instant();
        String sealedName = vault.seal(dataSubject, fullName(person));
        List<String> kept = new ArrayList<>();
        for (OrganisationRole role : person.organisations()) {
            if (!role.active()) {
                continue;
            }
            organizations.organizationWithOgrn(role.ogrn()).ifPresent(organizationId -> {
                String id = organizationId + ":" + accountId;
                mongo.save(new Member(id, organizationId, accountId, dataSubject, sealedName, role.chief(),
                        role.admin(), now));
                kept.add(id);
            });
        }
        mongo.remove(Query.query(Criteria.where("accountId").is(accountId).and("_id").nin(kept)), Member.class);
    }

    /** The organisation's members, by name as far as it can still be read (erased: null), with their HR right. */
    public List<MemberView> of(String organizationId) {
        Set<String> hr = Set.copyOf(organizations.hrAccounts(organizationId));
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId))
                        .with(Sort.by(Sort.Direction.DESC, "lastSeenAt")), Member.class).stream()
                .map(m -> new MemberView(m.accountId(), vault.open(m.dataSubject(), m.sealedName()).orElse(null),
                        m.chief(), m.admin(), hr.contains(m.accountId()), m.lastSeenAt()))
                .toList();
    }

    private static String fullName(IdentifiedPerson person) {
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {person.lastName(), person.firstName(), person.middleName()}) {
            if (part != null && !part.isBlank()) {
                name.append(name.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        return name.toString();
    }

    /** @param fullName ФИО in that order, as ESIA reported it at the latest login */
    public record MemberView(String accountId, String fullName, boolean chief, boolean admin, boolean hrRight,
                             Instant lastSeenAt) {
    }

    @Document(COLLECTION)
    record Member(@Id String id, String organizationId, String accountId, String dataSubject, String sealedName,
                  boolean chief, boolean admin, Instant lastSeenAt) {
    }
}
