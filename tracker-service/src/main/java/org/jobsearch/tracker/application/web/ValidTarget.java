package org.jobsearch.tracker.application.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link CreateApplicationRequest} names its job one way: {@code jobId}, or {@code company}, {@code title} and
 * {@code source} (each then required, reported at its own pointer) — not both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidTarget.Check.class)
@interface ValidTarget {

    String message() default "give jobId, or company, title and source";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidTarget, CreateApplicationRequest> {

        @Override
        public boolean isValid(CreateApplicationRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (request.jobId() != null) {
                boolean jobFields = request.company() != null || request.title() != null || request.source() != null
                        || request.externalJobId() != null;
                if (jobFields) {
                    context.buildConstraintViolationWithTemplate(
                                    "must not be given with company, title, externalJobId or source")
                            .addPropertyNode("jobId").addConstraintViolation();
                }
                return !jobFields;
            }
            boolean valid = required(request.company(), "company", context);
            valid &= required(request.title(), "title", context);
            valid &= required(request.source(), "source", context);
            return valid;
        }

        private static boolean required(String value, String field, ConstraintValidatorContext context) {
            if (value != null && !value.isBlank()) {
                return true;
            }
            context.buildConstraintViolationWithTemplate("must not be blank").addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
