package ru.frmr.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The ledger is append-only because no code can do anything else to it, not because no code happens to. */
@AnalyzeClasses(packages = "ru.frmr.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class AppendOnlyArchitectureTest {

    private static final Set<String> COLLECTION_WRITES_OTHER_THAN_INSERT = Set.of(
            "updateOne", "updateMany", "replaceOne", "deleteOne", "deleteMany", "findOneAndUpdate",
            "findOneAndReplace", "findOneAndDelete", "bulkWrite", "drop", "dropIndex", "dropIndexes",
            "renameCollection");

    private static final Set<String> TEMPLATE_WRITES_OTHER_THAN_INSERT = Set.of(
            "save", "update", "updateFirst", "updateMulti", "upsert", "remove", "findAndModify", "findAndReplace",
            "findAndRemove", "findAllAndRemove", "dropCollection", "bulkOps", "replace");

    @ArchTest
    static final ArchRule noUpdateOrDeleteOnCollections = noClasses()
            .should().callMethodWhere(target(MongoCollection.class, COLLECTION_WRITES_OTHER_THAN_INSERT))
            .because("ledger entries are only ever inserted");

    @ArchTest
    static final ArchRule noUpdateOrDeleteThroughTemplates = noClasses()
            .should().callMethodWhere(target(MongoOperations.class, TEMPLATE_WRITES_OTHER_THAN_INSERT))
            .because("ledger entries are only ever inserted");

    @ArchTest
    static final ArchRule noRepositories = noClasses()
            .should().beAssignableTo(MongoRepository.class)
            .because("a Spring Data repository brings save and delete with it");

    private static DescribedPredicate<JavaAccess<?>> target(Class<?> owner, Set<String> methods) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + methods,
                access -> access.getTargetOwner().isAssignableTo(owner) && methods.contains(access.getName()));
    }
}
