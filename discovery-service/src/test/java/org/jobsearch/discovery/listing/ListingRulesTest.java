package org.jobsearch.discovery.listing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ListingRulesTest {

    private static final String DESCRIPTION = "<h2>About</h2><p>You will build our payments platform in Java with "
            + "Kafka and PostgreSQL, own services end to end, and mentor engineers across three teams.</p>";

    @Test
    void dedupeKeyIgnoresCasePunctuationAndAccents() {
        assertThat(SamePosting.dedupeKey("Sr. Backend Engineer – Payments", "Zürich, CH"))
                .isEqualTo(SamePosting.dedupeKey("sr backend engineer payments", "Zurich CH"));
        assertThat(SamePosting.dedupeKey("Backend Engineer", "Berlin"))
                .isNotEqualTo(SamePosting.dedupeKey("Backend Engineer", "Munich"));
    }

    @Test
    void nearIdenticalDescriptionsAreTheSamePostingAcrossPlatformsOnly() {
        String reformatted = "<div><b>About</b></div><div>You will build our payments platform in Java with Kafka "
                + "and PostgreSQL, own services end to end, and mentor engineers across three teams.</div>";
        String key = SamePosting.dedupeKey("Backend Engineer", "Berlin");
        assertThat(SamePosting.same("greenhouse", key, DESCRIPTION, "lever", key, reformatted)).isTrue();
        assertThat(SamePosting.same("greenhouse", key, DESCRIPTION, "greenhouse", key, reformatted)).isFalse();
        assertThat(SamePosting.same("greenhouse", key, DESCRIPTION, "lever",
                SamePosting.dedupeKey("Backend Engineer", "Munich"), DESCRIPTION)).isFalse();
    }

    @Test
    void differentOrMissingDescriptionsAreNotMerged() {
        assertThat(SamePosting.nearIdentical(DESCRIPTION, "<p>You will run our data warehouse in Python and dbt, "
                + "and work with analysts on reporting across the company.</p>")).isFalse();
        assertThat(SamePosting.nearIdentical(DESCRIPTION, null)).isFalse();
        assertThat(SamePosting.nearIdentical(DESCRIPTION, DESCRIPTION + "<p>Apply by Friday.</p>")).isFalse();
    }

    @Test
    void appliedIsTerminal() {
        for (ReviewStatus target : ReviewStatus.values()) {
            assertThat(ReviewStatus.APPLIED.canMoveTo(target)).isEqualTo(target == ReviewStatus.APPLIED);
            assertThat(ReviewStatus.NEW.canMoveTo(target)).isTrue();
            assertThat(ReviewStatus.INTERESTED.canMoveTo(target)).isTrue();
            assertThat(ReviewStatus.DISMISSED.canMoveTo(target)).isTrue();
        }
        assertThat(ReviewStatus.of("interested")).isEqualTo(ReviewStatus.INTERESTED);
        assertThat(ReviewStatus.INTERESTED.value()).isEqualTo("interested");
    }

    @Test
    void staleRules() {
        Instant now = Instant.parse("2026-06-30T00:00:00Z");
        Duration retention = Duration.ofDays(30);
        assertThat(StaleRules.removable(true, now.minus(Duration.ofDays(31)), now, retention, false)).isTrue();
        assertThat(StaleRules.removable(true, now.minus(Duration.ofDays(29)), now, retention, false)).isFalse();
        assertThat(StaleRules.removable(false, now.minus(Duration.ofDays(90)), now, retention, false)).isFalse();
        assertThat(StaleRules.removable(true, now.minus(Duration.ofDays(90)), now, retention, true)).isFalse();
        assertThat(ReviewStatus.INTERESTED.protectsFromCleanup()).isTrue();
        assertThat(ReviewStatus.APPLIED.protectsFromCleanup()).isTrue();
        assertThat(ReviewStatus.NEW.protectsFromCleanup()).isFalse();
        assertThat(ReviewStatus.DISMISSED.protectsFromCleanup()).isFalse();
        assertThat(StaleRules.fetchMarksStale(true, false)).isTrue();
        assertThat(StaleRules.fetchMarksStale(false, false)).isFalse();
        assertThat(StaleRules.fetchMarksStale(true, true)).isFalse();
    }
}
