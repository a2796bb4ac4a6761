package ru.frmr.e2e;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The classes on the {@link SharedPlatform} first, in the order they came, then the others in theirs (and
 * {@link QueryIndexCatalogueIT} last of all, as it checks the queries every other class caused): a class with a
 * platform of its own stops the shared one, and a sharing class after it would start it again. The suite's time
 * depends on this order, and QueryIndexCatalogueIT's completeness: before the others it would find less recorded (or
 * nothing, and skip). src/test/resources/junit-platform.properties names this orderer; the system property
 * {@code junit.jupiter.testclass.order.default} overrides it.
 */
public final class SharedPlatformClassesFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // A stable sort: within each group the order of discovery (failsafe's runOrder) stays.
        context.getClassDescriptors().sort(Comparator.comparing(descriptor -> rank(descriptor.getTestClass())));
    }

    /**
     * The sharing classes, PrometheusCheckIT last of them, then the others, then {@link QueryIndexCatalogueIT}, which
     * reads what all of them did.
     */
    private static int rank(Class<?> testClass) {
        if (testClass == QueryIndexCatalogueIT.class) {
            return 3;
        }
        if (testClass == PrometheusCheckIT.class) {
            // The last on the shared platform: every service has served and handled what people do by then, so the
            // series that appear only with a first message (axon-micrometer's) are there to be checked.
            return 1;
        }
        return sharesThePlatform(testClass) ? 0 : 2;
    }

    private static boolean sharesThePlatform(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .anyMatch(extendWith -> java.util.Arrays.asList(extendWith.value()).contains(SharedPlatform.class));
    }
}
