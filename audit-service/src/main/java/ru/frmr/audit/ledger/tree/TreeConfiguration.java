package ru.frmr.audit.ledger.tree;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.frmr.audit.ledger.LedgerQueries;

/** The Merkle tree over the ledger: its stored nodes, the builder that grows it, its proofs. */
@Configuration(proxyBeanMethods = false)
class TreeConfiguration {

    @Bean
    TreeNodes treeNodes(MongoTemplate mongo) {
        return new TreeNodes(mongo.getCollection(TreeNodes.COLLECTION));
    }

    @Bean
    TreeBuilder treeBuilder(TreeNodes nodes, LedgerQueries ledger) {
        return new TreeBuilder(nodes, ledger);
    }

    @Bean
    TreeProofs treeProofs(TreeNodes nodes) {
        return new TreeProofs(nodes);
    }
}
