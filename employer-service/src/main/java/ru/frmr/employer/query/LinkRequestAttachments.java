package ru.frmr.employer.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The documents attached to link requests. One belongs on a request only when the request is between the
 * attachment's organisation and its uploader: checked when it arrives if the request is known, and again when read,
 * for those that came first.
 */
@Service
public class LinkRequestAttachments {

    private final MongoTemplate mongo;

    public LinkRequestAttachments(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(LinkRequestAttachmentView.class).ensureIndex(new Index("requestId", Sort.Direction.ASC));
    }

    /**
     * Keeps the attachment, idempotently (the same document on the same request is one entry).
     *
     * @return false, keeping nothing, when the request is known and is not between that organisation and that worker
     */
    public boolean attach(LinkRequestAttachmentView attachment) {
        LinkRequestView request = mongo.findById(attachment.requestId(), LinkRequestView.class);
        if (request != null && !belongs(attachment, request)) {
            return false;
        }
        mongo.save(attachment);
        return true;
    }

    /** The attachments of each of these requests that belong on it, oldest first; requests without any are missing. */
    public Map<String, List<LinkRequestAttachmentView>> of(Collection<LinkRequestView> requests) {
        if (requests.isEmpty()) {
            return Map.of();
        }
        Map<String, LinkRequestView> byId = requests.stream()
                .collect(Collectors.toMap(LinkRequestView::requestId, Function.identity(), (a, b) -> a));
        Query query = Query.query(Criteria.where("requestId").in(byId.keySet()));
        return mongo.find(query, LinkRequestAttachmentView.class).stream()
                .filter(a -> belongs(a, byId.get(a.requestId())))
                .sorted(Comparator.comparing(LinkRequestAttachmentView::attachedAt)
                        .thenComparing(LinkRequestAttachmentView::documentId))
                .collect(Collectors.groupingBy(LinkRequestAttachmentView::requestId));
    }

    private static boolean belongs(LinkRequestAttachmentView attachment, LinkRequestView request) {
        return attachment.organizationId().equals(request.organizationId())
                && attachment.ownerWorkerId().equals(request.workerId());
    }
}
