package org.jobsearch.tracker.application;

import org.jobsearch.events.ApplicationStatus;

import java.time.Instant;

/** One entry of an application's status history. */
public record StatusEntry(ApplicationStatus status, Instant changedAt) {
}
