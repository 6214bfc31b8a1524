package org.jobsearch.tracker.application.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * {@code PATCH /api/tracker/applications/{id}}: what may change after applying.
 *
 * @param desiredSalary whole US dollars per year; a value below 1000 is read as thousands (165 → 165000), as when
 *                      applying. Required: a PATCH without it would change nothing.
 */
record UpdateApplicationRequest(@NotNull @PositiveOrZero Integer desiredSalary) {
}
