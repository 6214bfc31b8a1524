package org.jobsearch.tracker.application.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.jobsearch.events.ApplicationStatus;

import java.time.Instant;

/**
 * {@code POST /api/tracker/applications/{id}/status}.
 *
 * @param status    {@code callback}, {@code rejected} or {@code closed}
 * @param changedAt when the company answered; now if absent. Not before the current status.
 */
record ChangeStatusRequest(@NotNull ApplicationStatus status, @PastOrPresent Instant changedAt) {
}
