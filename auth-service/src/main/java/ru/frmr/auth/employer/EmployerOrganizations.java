package ru.frmr.auth.employer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * auth-service's private copy of what the employer-service announces: the medical organisations it knows (so an
 * ESIA organisation role is matched to one by ОГРН) and who holds the HR right where. Each write keeps the newer
 * version only, so a re-delivered or late event changes nothing.
 */
@Component
public class EmployerOrganizations {

    static final String ORGANIZATIONS = "employer_organizations";
    static final String GRANTS = "employer_hr_grants";

    private final MongoTemplate mongo;

    EmployerOrganizations(MongoTemplate mongo) {
        this.mongo = mongo;
        // Every login looks its organisations up by ОГРН; the chief's list reads an organisation's grants.
        mongo.indexOps(ORGANIZATIONS).ensureIndex(new Index("ogrn", Sort.Direction.ASC));
        mongo.indexOps(GRANTS).ensureIndex(new Index("organizationId", Sort.Direction.ASC));
    }

    /** The medical organisation with this ОГРН now; of two (a correction moved it) the newest card. */
    public Optional<String> organizationWithOgrn(String ogrn) {
        if (ogrn == null) {
            return Optional.empty();
        }
        return mongo.find(Query.query(Criteria.where("ogrn").is(ogrn)).with(Sort.by(Sort.Direction.DESC, "version")),
                Organization.class, ORGANIZATIONS).stream().findFirst().map(Organization::id);
    }

    public boolean holdsHrRight(String organizationId, String accountId) {
        Grant grant = mongo.findById(grantId(organizationId, accountId), Grant.class, GRANTS);
        return grant != null && grant.granted();
    }

    /** Accounts that hold the HR right in the organisation. */
    public List<String> hrAccounts(String organizationId) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId).and("granted").is(true)),
                Grant.class, GRANTS).stream().map(Grant::accountId).toList();
    }

    void organizationCard(String organizationId, String ogrn, String name, long version, Instant at) {
        keepNewer(Query.query(Criteria.where("_id").is(organizationId).and("version").gte(version)),
                new Organization(organizationId, ogrn, name, version, at), ORGANIZATIONS);
    }

    void hrRight(String organizationId, String accountId, boolean granted, long version, Instant at) {
        String id = grantId(organizationId, accountId);
        keepNewer(Query.query(Criteria.where("_id").is(id).and("version").gte(version)),
                new Grant(id, organizationId, accountId, granted, version, at), GRANTS);
    }

    /** Writes {@code document} unless a document as new or newer ({@code newerOrSame}) is there. */
    private void keepNewer(Query newerOrSame, Object document, String collection) {
        if (!mongo.exists(newerOrSame, collection)) {
            mongo.findAndReplace(Query.query(Criteria.where("_id").is(idOf(document))), document,
                    FindAndReplaceOptions.options().upsert(), collection);
        }
    }

    private static String idOf(Object document) {
        return document instanceof Organization o ? o.id() : ((Grant) document).id();
    }

    private static String grantId(String organizationId, String accountId) {
        return organizationId + ":" + accountId;
    }

    /** A medical organisation as auth-service needs it: its ОГРН (and name, for logs and operators). */
    @Document(ORGANIZATIONS)
    record Organization(@Id String id, String ogrn, String name, long version, Instant changedAt) {
    }

    /** @param version the organisation's count of HR-right changes when this one was made */
    @Document(GRANTS)
    record Grant(@Id String id, String organizationId, String accountId, boolean granted, long version,
                 Instant changedAt) {
    }
}
