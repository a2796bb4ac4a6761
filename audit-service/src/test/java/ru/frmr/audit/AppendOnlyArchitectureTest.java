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

/**
 * The ledger is append-only because no code can do anything else to it, not because no code happens to. The read
 * models derived from the events ({@code access}: who saw whose data; {@code alerts}: anomaly windows and alerts) keep
 * collections of their own that they update; they may not touch the ledger's classes, so they cannot reach it.
 */
@AnalyzeClasses(packages = "ru.frmr.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class AppendOnlyArchitectureTest {

    private static final Set<String> COLLECTION_WRITES_OTHER_THAN_INSERT = Set.of(
            "updateOne", "updateMany", "replaceOne", "deleteOne", "deleteMany", "findOneAndUpdate",
            "findOneAndReplace", "findOneAndDelete", "bulkWrite", "drop", "dropIndex", "dropIndexes",
            "renameCollection");

    private static final Set<String> TEMPLATE_WRITES_OTHER_THAN_INSERT = Set.of(
            "save", "update", "updateFirst", "updateMulti", "upsert", "remove", "findAndModify", "findAndReplace",
            "findAndRemove", "findAllAndRemove", "dropCollection", "bulkOps", "replace");

    private static final String[] READ_MODELS = {"ru.frmr.audit.access..", "ru.frmr.audit.alerts.."};

    @ArchTest
    static final ArchRule noUpdateOrDeleteOnCollections = noClasses().that().resideOutsideOfPackages(READ_MODELS)
            .should().callMethodWhere(target(MongoCollection.class, COLLECTION_WRITES_OTHER_THAN_INSERT))
            .because("ledger entries are only ever inserted");

    @ArchTest
    static final ArchRule noUpdateOrDeleteThroughTemplates = noClasses().that().resideOutsideOfPackages(READ_MODELS)
            .should().callMethodWhere(target(MongoOperations.class, TEMPLATE_WRITES_OTHER_THAN_INSERT))
            .because("ledger entries are only ever inserted");

    @ArchTest
    static final ArchRule readModelsStayAwayFromTheLedger = noClasses().that().resideInAnyPackage(READ_MODELS)
            .should().dependOnClassesThat().resideInAPackage("ru.frmr.audit.ledger..")
            .because("the read models may update their own collections, never the ledger's");

    @ArchTest
    static final ArchRule noRepositories = noClasses()
            .should().beAssignableTo(MongoRepository.class)
            .because("a Spring Data repository brings save and delete with it");

    private static DescribedPredicate<JavaAccess<?>> target(Class<?> owner, Set<String> methods) {
        return DescribedPredicate.describe(owner.getSimpleName() + "." + methods,
                access -> access.getTargetOwner().isAssignableTo(owner) && methods.contains(access.getName()));
    }
}
