package org.jobsearch.tracker.application.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.jobsearch.tracker.application.Outcome;
import org.jobsearch.tracker.application.ProcessOutcome;

import java.time.LocalDate;

/**
 * {@code PUT /api/tracker/applications/{id}/outcome}: how the interview process ended.
 *
 * @param outcome {@code offer}, {@code rejected}, {@code failed}, {@code ghosted} or {@code withdrew}
 * @param date    the day it ended
 */
record OutcomeRequest(@NotNull Outcome outcome, @NotNull @PastOrPresent LocalDate date,
                      @Size(max = 10_000) String notes) {

    ProcessOutcome toOutcome() {
        return new ProcessOutcome(outcome, date, notes == null || notes.isBlank() ? null : notes.strip());
    }
}
