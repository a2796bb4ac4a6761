package ru.frmr.audit.ledger.tree;

import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The stored complete-subtree hashes ({@value #COLLECTION}): one document per node, its {@code _id} naming
 * {@code level/index}, so writing a node twice, by a retry or by two replicas, leaves one (insert only: the
 * append-only rule holds here too). Derived data: dropping the collection and letting {@link TreeBuilder} catch up
 * from the entries rebuilds it.
 *
 * <p>A node that is not stored (its writer stopped between a leaf and its parents) is computed from its children,
 * so readers never depend on a writer having finished.
 */
public class TreeNodes implements CompleteSubtrees {

    public static final String COLLECTION = "audit_tree";

    static final String LEVEL = "level";
    static final String INDEX = "index";
    static final String HASH = "hash";

    private final MongoCollection<Document> nodes;

    public TreeNodes(MongoCollection<Document> nodes) {
        this.nodes = nodes;
        nodes.createIndex(Indexes.ascending(LEVEL, INDEX), new IndexOptions().name("level_index"));
    }

    /** The stored hash of a node, else computed from its children; a missing leaf is a broken store. */
    @Override
    public byte[] hash(int level, long index) {
        Optional<byte[]> stored = stored(level, index);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (level == 0) {
            throw new IllegalStateException("Leaf " + index + " of the audit tree is not stored");
        }
        return NodeHash.node(hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
    }

    /** The node's hash as stored, if it is. */
    public Optional<byte[]> stored(int level, long index) {
        Document node = nodes.find(Filters.eq("_id", id(level, index))).first();
        return Optional.ofNullable(node).map(n -> n.get(HASH, Binary.class).getData());
    }

    /** Stores a node unless it is stored already. */
    void put(int level, long index, byte[] hash) {
        try {
            nodes.insertOne(new Document("_id", id(level, index)).append(LEVEL, level).append(INDEX, index)
                    .append(HASH, new Binary(hash)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another writer stored it first: the same value, computed from the same entries.
        }
    }

    /** Leaves stored: one more than the highest leaf index, since leaves are stored in order. */
    public long leafCount() {
        Document last = nodes.find(Filters.eq(LEVEL, 0))
                .projection(Projections.include(INDEX))
                .sort(Sorts.descending(INDEX))
                .limit(1)
                .first();
        return last == null ? 0 : last.getLong(INDEX) + 1;
    }

    private static String id(int level, long index) {
        return level + "/" + index;
    }
}
