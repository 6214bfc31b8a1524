package org.jobsearch.tracker.application;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * How the interview process of an application ended.
 *
 * @param date  the day it ended
 * @param notes free text, may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessOutcome(Outcome outcome, LocalDate date, String notes) {
}
