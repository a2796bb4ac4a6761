package ru.frmr.employer.query;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads of the organisations read model: the directory other parts of the service use, the search a worker picks
 * an organisation from, and the HR rights a chief sees.
 */
@Component
public class OrganizationQueries implements OrganizationDirectory {

    private static final Pattern DIGITS = Pattern.compile("\\d{10}|\\d{13}");

    private final MongoTemplate mongo;

    OrganizationQueries(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(OrganizationView.class).ensureIndex(new Index("searchName", Sort.Direction.ASC));
        mongo.indexOps(OrganizationView.class).ensureIndex(new Index("ogrn", Sort.Direction.ASC));
        mongo.indexOps(OrganizationView.class).ensureIndex(new Index("regionCode", Sort.Direction.ASC));
        mongo.indexOps(HrGrantView.class).ensureIndex(new Index("organizationId", Sort.Direction.ASC));
        mongo.indexOps(HrRightChangeView.class).ensureIndex(new Index("organizationId", Sort.Direction.ASC));
    }

    @Override
    public Optional<OrganizationCard> find(String organizationId) {
        return Optional.ofNullable(mongo.findById(organizationId, OrganizationView.class))
                .map(OrganizationView::card);
    }

    /**
     * @param q          part of the name (any case, ё as е), or an exact ОГРН (13 digits) or ИНН (10); null: all
     * @param regionCode null: every region
     */
    public Page search(String q, String regionCode, int page, int size) {
        Query query = new Query();
        if (q != null && !q.isBlank()) {
            String text = q.strip();
            query.addCriteria(DIGITS.matcher(text).matches()
                    ? new Criteria().orOperator(Criteria.where("ogrn").is(text), Criteria.where("inn").is(text))
                    : Criteria.where("searchName").regex(Pattern.quote(OrganizationView.fold(text))));
        }
        if (regionCode != null) {
            query.addCriteria(Criteria.where("regionCode").is(regionCode));
        }
        long total = mongo.count(query, OrganizationView.class);
        query.with(Sort.by("searchName", "_id")).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, OrganizationView.class).stream().map(OrganizationView::card).toList(),
                total);
    }

    @Override
    public List<String> idsInRegion(String regionCode) {
        Query query = Query.query(Criteria.where("regionCode").is(regionCode));
        query.fields().include("_id");
        return mongo.find(query, OrganizationView.class).stream().map(OrganizationView::id).toList();
    }

    /** The organisation's held HR rights, oldest first. */
    public List<HrGrantView> grants(String organizationId) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId))
                .with(Sort.by("grantedAt", "accountId")), HrGrantView.class);
    }

    /** Every grant and revocation in the organisation, in the order they were made. */
    public List<HrRightChangeView> rightsHistory(String organizationId) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(organizationId))
                .with(Sort.by("rightsVersion")), HrRightChangeView.class);
    }

    public record Page(List<OrganizationCard> items, long total) {
    }
}
