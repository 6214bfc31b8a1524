package org.jobsearch.tracker.job.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link JobRequest}'s ranges are in order: {@code minSalary ≤ maxSalary}, reported at {@code /maxSalary}, and
 * {@code contract.hourlyRateMin ≤ contract.hourlyRateMax}, reported at {@code /contract/hourlyRateMax}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidRanges.Check.class)
@interface ValidRanges {

    String message() default "ranges must be in order";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidRanges, JobRequest> {

        @Override
        public boolean isValid(JobRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (outOfOrder(request.minSalary(), request.maxSalary())) {
                context.buildConstraintViolationWithTemplate("must not be less than minSalary")
                        .addPropertyNode("maxSalary").addConstraintViolation();
                valid = false;
            }
            JobRequest.ContractRequest contract = request.contract();
            if (contract != null && outOfOrder(contract.hourlyRateMin(), contract.hourlyRateMax())) {
                context.buildConstraintViolationWithTemplate("must not be less than hourlyRateMin")
                        .addPropertyNode("contract").addPropertyNode("hourlyRateMax").addConstraintViolation();
                valid = false;
            }
            return valid;
        }

        private static boolean outOfOrder(Integer min, Integer max) {
            return min != null && max != null && min > max;
        }
    }
}
