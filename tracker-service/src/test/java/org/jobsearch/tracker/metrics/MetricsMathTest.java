package org.jobsearch.tracker.metrics;

import org.jobsearch.tracker.settings.LocationGroup;
import org.jobsearch.tracker.settings.MetricsSettings;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The dashboard's arithmetic without a database. */
class MetricsMathTest {

    @Test
    void percentagesHaveOneDecimalAndAreZeroWithoutADenominator() {
        assertThat(Percent.of(1, 3)).isEqualTo(33.3);
        assertThat(Percent.of(2, 3)).isEqualTo(66.7);
        assertThat(Percent.of(5, 5)).isEqualTo(100.0);
        assertThat(Percent.of(0, 0)).isEqualTo(0.0);
    }

    @Test
    void salaryBucketsAreTheReferences() {
        int base = 100_000;
        int step = 20_000;
        assertThat(SalaryBuckets.index(99_999, base, step)).isEqualTo(-1);
        assertThat(SalaryBuckets.index(100_000, base, step)).isZero();
        assertThat(SalaryBuckets.index(139_999, base, step)).isEqualTo(1);
        assertThat(SalaryBuckets.index(160_000, base, step)).isEqualTo(3);
        assertThat(SalaryBuckets.index(900_000, base, step)).isEqualTo(3);
        assertThat(SalaryBuckets.index(null, base, step)).isNull();
        assertThat(List.of(-1, 0, 1, 2, 3)).map(i -> SalaryBuckets.label(i, base, step)).containsExactly(
                "< $100k", "$100k - $120k", "$120k - $140k", "$140k - $160k", ">= $160k");
        assertThat(List.of(-1, 0, 3)).map(i -> SalaryBuckets.label(i, 150_000, step))
                .containsExactly("< $150k", "$150k - $170k", ">= $210k");
        assertThat(SalaryBuckets.label(0, 95_500, 500)).isEqualTo("$95.5k - $96k");
    }

    @Test
    void locationsGroupByCityBeforeTheComma() {
        LocationGrouping grouping = new LocationGrouping(MetricsSettings.DEFAULTS.locationGroups());
        assertThat(grouping.group("Seattle, WA")).isEqualTo("Greater Seattle Area");
        assertThat(grouping.group("  oak brook , IL")).isEqualTo("Greater Chicago Area");
        assertThat(grouping.group("Pewaukee")).isEqualTo("Greater Milwaukee Area");
        assertThat(grouping.group("Remote (U.S.)")).isEqualTo("Remote (U.S.)");
        assertThat(grouping.group("Austin, TX")).isEqualTo("Austin, TX");
        assertThat(grouping.group("  ")).isEqualTo("Not specified");
        assertThat(grouping.group(null)).isEqualTo("Not specified");
    }

    @Test
    void firstGroupNamingACityWins() {
        LocationGrouping grouping = new LocationGrouping(List.of(new LocationGroup("Bay Area", List.of("Oakland")),
                new LocationGroup("East Bay", List.of("oakland", "berkeley"))));
        assertThat(grouping.group("Oakland, CA")).isEqualTo("Bay Area");
        assertThat(grouping.group("Berkeley, CA")).isEqualTo("East Bay");
    }

    @Test
    void funnelCountsALaterStageAsReachingTheEarlierOnes() {
        Funnel funnel = Funnel.of(10, 4, List.of("screen", "technical", "final"), new long[]{1, 0, 2}, 1);

        assertThat(funnel.steps()).extracting(Funnel.Step::stage)
                .containsExactly("applied", "callback", "screen", "technical", "final", "offer");
        assertThat(funnel.steps()).extracting(Funnel.Step::count).containsExactly(10L, 4L, 3L, 2L, 2L, 1L);
        assertThat(funnel.steps()).extracting(Funnel.Step::percentOfApplied)
                .containsExactly(100.0, 40.0, 30.0, 20.0, 20.0, 10.0);
        assertThat(funnel.steps()).extracting(Funnel.Step::percentOfPrevious)
                .containsExactly(100.0, 40.0, 75.0, 66.7, 100.0, 50.0);
    }

    @Test
    void emptyFunnelIsAllZeros() {
        Funnel funnel = Funnel.of(0, 0, List.of("screen"), new long[1], 0);
        assertThat(funnel.steps()).extracting(Funnel.Step::percentOfApplied).containsOnly(0.0);
    }

    @Test
    void timelineIsZeroFilledWithRunningTotals() {
        LocalDate monday = LocalDate.of(2025, 3, 3);
        Timeline timeline = Timeline.zeroFilled(Interval.DAY, monday, monday.plusDays(3), Map.of(
                monday, new Timeline.Day(2, 1), monday.plusDays(2), new Timeline.Day(2, 0)));

        assertThat(timeline.points()).extracting(Timeline.Point::date)
                .containsExactly(monday, monday.plusDays(1), monday.plusDays(2), monday.plusDays(3));
        assertThat(timeline.points()).extracting(Timeline.Point::applications).containsExactly(2L, 0L, 2L, 0L);
        assertThat(timeline.points()).extracting(Timeline.Point::cumulativeApplications)
                .containsExactly(2L, 2L, 4L, 4L);
        assertThat(timeline.points()).extracting(Timeline.Point::cumulativeCallbackRate)
                .containsExactly(50.0, 50.0, 25.0, 25.0);
    }

    @Test
    void weeklyTimelineStartsOnMondayAndCountsOnlyDaysInRange() {
        LocalDate wednesday = LocalDate.of(2025, 3, 5);
        Timeline timeline = Timeline.zeroFilled(Interval.WEEK, wednesday, wednesday.plusDays(14), Map.of(
                wednesday.minusDays(1), new Timeline.Day(9, 9), wednesday, new Timeline.Day(1, 1),
                wednesday.plusDays(13), new Timeline.Day(3, 0)));

        assertThat(timeline.points()).extracting(Timeline.Point::date).containsExactly(
                LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 17));
        assertThat(timeline.points()).extracting(Timeline.Point::applications).containsExactly(1L, 0L, 3L);
    }

    @Test
    void tooLongARangeOfDaysIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Timeline.zeroFilled(Interval.DAY,
                LocalDate.of(2000, 1, 1), LocalDate.of(2020, 1, 1), Map.of()));
        assertThat(Timeline.zeroFilled(Interval.WEEK, LocalDate.of(2000, 1, 1), LocalDate.of(2020, 1, 1), Map.of())
                .points()).hasSize(1045);
    }
}
