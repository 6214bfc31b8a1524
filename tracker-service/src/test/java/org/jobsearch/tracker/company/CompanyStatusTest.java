package org.jobsearch.tracker.company;

import org.jobsearch.tracker.application.Outcome;
import org.jobsearch.tracker.application.ProcessOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jobsearch.events.ApplicationStatus.CALLBACK;
import static org.jobsearch.events.ApplicationStatus.CLOSED;
import static org.jobsearch.events.ApplicationStatus.NO_RESPONSE;
import static org.jobsearch.events.ApplicationStatus.REJECTED;

/** The company page's status derivation (reference §4.2), without Spring. */
class CompanyStatusTest {

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void outcomeComesFirstAndEndsTheApplication(Outcome outcome) {
        ProcessOutcome ended = new ProcessOutcome(outcome, LocalDate.parse("2026-12-01"), "notes");

        assertThat(CompanyStatus.of(CALLBACK, ended)).isEqualTo(new CompanyStatus(outcome.label(), false));
    }

    @Test
    void outcomeLabelsAreTheReferences() {
        assertThat(Outcome.values()).extracting(Outcome::label)
                .containsExactly("Offer", "Rejected", "Failed", "Ghosted", "Withdrew");
    }

    @Test
    void callbackWithoutOutcomeIsInterviewingAndActive() {
        assertThat(CompanyStatus.of(CALLBACK, null)).isEqualTo(new CompanyStatus("Interviewing", true));
    }

    @Test
    void rejectedAndClosedAreInactive() {
        assertThat(CompanyStatus.of(REJECTED, null)).isEqualTo(new CompanyStatus("Rejected", false));
        assertThat(CompanyStatus.of(CLOSED, null)).isEqualTo(new CompanyStatus("Closed", false));
    }

    @Test
    void noAnswerYetIsNoResponseAndActive() {
        assertThat(CompanyStatus.of(NO_RESPONSE, null)).isEqualTo(new CompanyStatus("No Response", true));
    }
}
