package ru.frmr.registry.command;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

import ru.frmr.kit.error.BusinessRuleException;

/** Matchers for the aggregate's rejections, for {@code expectException} of the Axon test fixture. */
final class BusinessRuleMatchers {

    private BusinessRuleMatchers() {
    }

    /** A business rule exception that names {@code field} (what the 422 problem will name). */
    static Matcher<BusinessRuleException> namingField(String field) {
        return new CustomTypeSafeMatcher<>("a business rule exception naming " + field) {
            @Override
            protected boolean matchesSafely(BusinessRuleException e) {
                return field.equals(e.field());
            }
        };
    }
}
