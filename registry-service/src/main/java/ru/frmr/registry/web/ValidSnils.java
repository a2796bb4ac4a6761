package ru.frmr.registry.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import ru.frmr.registry.api.Snils;

/** A СНИЛС in the form {@code 112-233-445 95} (or 11 digits) with a correct checksum. Null passes. */
@Documented
@Constraint(validatedBy = ValidSnils.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidSnils {

    String message() default "is not a valid СНИЛС (format 000-000-000 00, checksum)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidSnils, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Snils.isValid(value);
        }
    }
}
