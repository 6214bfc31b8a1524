package org.jobsearch.tracker.application;

import org.jobsearch.events.ApplicationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jobsearch.events.ApplicationStatus.CALLBACK;
import static org.jobsearch.events.ApplicationStatus.CLOSED;
import static org.jobsearch.events.ApplicationStatus.NO_RESPONSE;
import static org.jobsearch.events.ApplicationStatus.REJECTED;

/** The screening status rules, without Spring. */
class StatusTransitionsTest {

    private static final Instant APPLIED = Instant.parse("2026-11-10T09:00:00Z");

    @Test
    void noResponseMayBecomeAnyAnswer() {
        assertThat(StatusTransitions.allowedFrom(NO_RESPONSE)).containsExactlyInAnyOrder(CALLBACK, REJECTED, CLOSED);
        assertThat(StatusTransitions.refusal(NO_RESPONSE, CALLBACK)).isEmpty();
        assertThat(StatusTransitions.refusal(NO_RESPONSE, REJECTED)).isEmpty();
        assertThat(StatusTransitions.refusal(NO_RESPONSE, CLOSED)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationStatus.class, names = {"CALLBACK", "REJECTED", "CLOSED"})
    void answersAreFinal(ApplicationStatus answer) {
        assertThat(StatusTransitions.allowedFrom(answer)).isEmpty();
        for (ApplicationStatus requested : ApplicationStatus.values()) {
            assertThat(StatusTransitions.refusal(answer, requested)).isPresent();
        }
    }

    @Test
    void refusalsSayWhy() {
        assertThat(StatusTransitions.refusal(NO_RESPONSE, NO_RESPONSE)).contains(
                "no_response is only the status of a new application");
        assertThat(StatusTransitions.refusal(REJECTED, REJECTED)).contains("the application is already rejected");
        assertThat(StatusTransitions.refusal(CALLBACK, REJECTED).orElseThrow()).startsWith("a callback is final")
                .contains("/outcome");
        assertThat(StatusTransitions.refusal(CLOSED, CALLBACK)).contains("closed is final");
    }

    @Test
    void applicationKeepsEveryChange() {
        Application application = Application.submit(UUID.randomUUID(), UUID.randomUUID(), APPLIED, null, APPLIED);
        Instant callback = APPLIED.plusSeconds(86_400);

        assertThat(application.changeStatus(CALLBACK, callback)).isEqualTo(NO_RESPONSE);

        assertThat(application.status()).isEqualTo(CALLBACK);
        assertThat(application.history()).containsExactly(
                new StatusEntry(NO_RESPONSE, APPLIED), new StatusEntry(CALLBACK, callback));
    }

    @Test
    void refusedChangeNamesBothStatusesAndChangesNothing() {
        Application application = Application.submit(UUID.randomUUID(), UUID.randomUUID(), APPLIED, null, APPLIED);
        application.changeStatus(REJECTED, APPLIED.plusSeconds(60));

        assertThatThrownBy(() -> application.changeStatus(CALLBACK, APPLIED.plusSeconds(120)))
                .isInstanceOfSatisfying(ApplicationStateException.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(REJECTED);
                    assertThat(e.requestedStatus()).isEqualTo(CALLBACK);
                    assertThat(e.getMessage()).contains("is rejected and cannot change to callback");
                });
        assertThat(application.status()).isEqualTo(REJECTED);
        assertThat(application.history()).hasSize(2);
    }

    @Test
    void changeCannotPrecedeTheStatusItReplaces() {
        Application application = Application.submit(UUID.randomUUID(), UUID.randomUUID(), APPLIED, null, APPLIED);

        assertThatThrownBy(() -> application.changeStatus(CALLBACK, APPLIED.minusSeconds(1)))
                .isInstanceOfSatisfying(ApplicationInputException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/changedAt"));
        assertThat(application.status()).isEqualTo(NO_RESPONSE);
    }

    @Test
    void outcomeOnlyAfterCallback() {
        Application application = Application.submit(UUID.randomUUID(), UUID.randomUUID(), APPLIED, null, APPLIED);
        ProcessOutcome offer = new ProcessOutcome(Outcome.OFFER, LocalDate.parse("2026-12-01"), null);

        assertThatThrownBy(() -> application.recordOutcome(offer))
                .isInstanceOfSatisfying(ApplicationStateException.class,
                        e -> assertThat(e.currentStatus()).isEqualTo(NO_RESPONSE));

        application.changeStatus(CALLBACK, APPLIED.plusSeconds(60));
        application.recordOutcome(offer);
        assertThat(application.outcome()).isEqualTo(offer);
    }

    @Test
    void desiredSalaryInThousandsIsScaled() {
        assertThat(Application.normalizeSalary(150)).isEqualTo(150_000);
        assertThat(Application.normalizeSalary(999)).isEqualTo(999_000);
        assertThat(Application.normalizeSalary(1000)).isEqualTo(1000);
        assertThat(Application.normalizeSalary(165_000)).isEqualTo(165_000);
        assertThat(Application.normalizeSalary(0)).isZero();
        assertThat(Application.normalizeSalary(null)).isNull();
    }
}
