package org.jobsearch.tracker.interview.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jobsearch.tracker.interview.InterviewDetails;
import org.jobsearch.tracker.interview.InterviewFocus;
import org.jobsearch.tracker.interview.InterviewFormat;
import org.jobsearch.tracker.interview.InterviewStage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An interview as the user schedules it ({@code POST}) or changes it ({@code PUT}, all fields replaced). The
 * interviewer limits are {@code InterviewScheduled}'s.
 *
 * @param stage       recruiter_screen, hiring_manager_screen, technical_screen, prep_call, final_loop, team_match
 * @param format      phone_call, virtual_meeting, onsite; optional
 * @param focus       coding, system_design, behavioral, hiring_manager, refactoring, case, data_pipeline_build,
 *                    data_pipeline_design; optional
 * @param scheduledAt ISO-8601 with offset, e.g. {@code 2026-12-01T10:00:00-07:00}
 * @param notes       logistics: links, dial-in, whom to ask for
 */
record InterviewRequest(
        @NotNull InterviewStage stage,
        InterviewFormat format,
        InterviewFocus focus,
        @Size(max = 200) String interviewerName,
        @Size(max = 200) String interviewerTitle,
        @NotNull Instant scheduledAt,
        @Size(max = 10_000) String notes) {

    InterviewDetails toDetails() {
        return new InterviewDetails(stage, format, focus, blankToNull(interviewerName), blankToNull(interviewerTitle),
                scheduledAt.truncatedTo(ChronoUnit.MICROS), blankToNull(notes));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
