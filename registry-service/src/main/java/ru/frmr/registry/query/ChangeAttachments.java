package ru.frmr.registry.query;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The documents attached to profile changes, written by the documents consumer and read beside the changes. */
@Service
public class ChangeAttachments {

    private final MongoTemplate mongo;

    public ChangeAttachments(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ChangeAttachmentView.class).ensureIndex(new Index("changeId", Sort.Direction.ASC));
    }

    /** Idempotent: the same document attached to the same change is one entry however often it is delivered. */
    public void attach(ChangeAttachmentView attachment) {
        mongo.save(attachment);
    }

    /**
     * The attachments of each of these changes, oldest first, only those uploaded by the change's own worker;
     * changes without any are missing.
     */
    public Map<String, List<ChangeAttachmentView>> of(Collection<ProfileChangeView> changes) {
        if (changes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> workerOfChange = changes.stream()
                .collect(Collectors.toMap(ProfileChangeView::id, ProfileChangeView::workerId, (a, b) -> a));
        Query query = Query.query(Criteria.where("changeId").in(workerOfChange.keySet()));
        return mongo.find(query, ChangeAttachmentView.class).stream()
                .filter(a -> Objects.equals(a.ownerWorkerId(), workerOfChange.get(a.changeId())))
                .sorted(Comparator.comparing(ChangeAttachmentView::attachedAt)
                        .thenComparing(ChangeAttachmentView::documentId))
                .collect(Collectors.groupingBy(ChangeAttachmentView::changeId));
    }
}
