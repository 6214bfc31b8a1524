package org.jobsearch.tracker.metrics;

import org.jobsearch.tracker.interview.InterviewStage;
import org.jobsearch.tracker.settings.MetricsSettings;
import org.jobsearch.tracker.settings.SettingsService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * The metrics dashboard of the reference (its section 4.3) plus what its doc names and its code lacks: zero-filled
 * timelines, the stage funnel, interview-to-offer conversion and time to first response. Counting is done by
 * PostgreSQL ({@link MetricsQueries}: five statements per dashboard, whatever the number of applications or values);
 * this names, orders and divides. Every number is defined in docs/services/tracker-service.md.
 */
@Service
@Transactional(readOnly = true)
public class MetricsService {

    private static final List<String> STAGES = Arrays.stream(InterviewStage.values()).map(InterviewStage::value)
            .toList();
    private static final int REJECTION_TOP = 3;

    private final MetricsQueries queries;
    private final SettingsService settings;

    MetricsService(MetricsQueries queries, SettingsService settings) {
        this.queries = queries;
        this.settings = settings;
    }

    /**
     * @throws IllegalArgumentException if the timeline would need more than {@link Timeline#MAX_POINTS} buckets
     */
    public Dashboard dashboard(UUID owner, MetricsFilter filter, Interval interval) {
        MetricsSettings mine = settings.find(owner);
        Map<String, String> groups = groups(owner, mine);
        MetricsQueries.Totals totals = queries.totals(owner, filter, groups);
        Map<Dimension, List<DimensionRow>> rows = rows(queries.dimensions(owner, filter, groups,
                mine.minSalaryBase(), mine.maxSalaryBase(), mine.salaryStep(), null), mine);

        Dashboard.Summary summary = new Dashboard.Summary(totals.total(),
                share("callback", totals.callbacks(), totals.total()),
                share("rejected", totals.rejected(), totals.total()),
                share("closed", totals.closed(), totals.total()),
                share("no_response", totals.noResponse(), totals.total()));
        Timeline timeline = Timeline.zeroFilled(interval,
                filter.from() != null ? filter.from() : totals.firstApplied(),
                filter.to() != null ? filter.to() : totals.lastApplied(),
                totals.total() == 0 ? Map.of() : queries.days(owner, filter, groups));
        Funnel funnel = Funnel.of(totals.total(), totals.callbacks(), STAGES,
                totals.total() == 0 ? new long[STAGES.size()] : queries.furthestStages(owner, filter, groups, STAGES),
                totals.offers());
        return new Dashboard(summary,
                new Dashboard.CallbackAnalysis(totals.callbacks(), shares(rows, DimensionRow::callbacks,
                        totals.callbacks(), Integer.MAX_VALUE)),
                new Dashboard.RejectionAnalysis(totals.rejected(), shares(rows, DimensionRow::rejected,
                        totals.rejected(), REJECTION_TOP)),
                timeline, funnel,
                new Dashboard.Conversion(totals.interviewed(), totals.interviewedWithOffer(),
                        Percent.of(totals.interviewedWithOffer(), totals.interviewed())),
                new Dashboard.FirstResponse(totals.responded(), totals.medianSeconds() == null ? null
                        : BigDecimal.valueOf(totals.medianSeconds()).divide(BigDecimal.valueOf(3600), 1,
                        RoundingMode.HALF_UP).doubleValue()));
    }

    /** The deep-dive table: one row per value of {@code dimension}, most applications first. */
    public List<DimensionRow> deepDive(UUID owner, MetricsFilter filter, Dimension dimension) {
        MetricsSettings mine = settings.find(owner);
        Map<String, String> groups = groups(owner, mine);
        return rows(queries.dimensions(owner, filter, groups, mine.minSalaryBase(), mine.maxSalaryBase(),
                mine.salaryStep(), dimension), mine).getOrDefault(dimension, List.of());
    }

    /** Raw location → group, for the owner's locations that a group (or "Not specified") renames. */
    private Map<String, String> groups(UUID owner, MetricsSettings mine) {
        LocationGrouping grouping = new LocationGrouping(mine.locationGroups());
        Map<String, String> groups = new LinkedHashMap<>();
        for (String location : queries.locations(owner)) {
            String group = grouping.group(location);
            if (!group.equals(location)) {
                groups.put(location, group);
            }
        }
        // an unmatched location keeps its text: the SQL falls back to it
        return groups;
    }

    private static Map<Dimension, List<DimensionRow>> rows(List<MetricsQueries.Counts> counts, MetricsSettings mine) {
        Map<Dimension, List<DimensionRow>> rows = new EnumMap<>(Dimension.class);
        for (MetricsQueries.Counts c : counts) {
            Dimension dimension = Dimension.of(c.dimension());
            String value;
            if (dimension.salary()) {
                if (c.value() == null) {
                    continue; // the reference skips unknown salaries
                }
                int base = dimension == Dimension.MIN_SALARY ? mine.minSalaryBase() : mine.maxSalaryBase();
                value = SalaryBuckets.label(Integer.parseInt(c.value()), base, mine.salaryStep());
            } else {
                value = c.value() == null ? LocationGrouping.NOT_SPECIFIED : c.value();
            }
            rows.computeIfAbsent(dimension, d -> new java.util.ArrayList<>()).add(new DimensionRow(value, c.total(),
                    c.callbacks(), Percent.of(c.callbacks(), c.total()), c.rejected(), c.closed(), c.noResponse()));
        }
        rows.values().forEach(list -> list.sort(Comparator.comparingLong(DimensionRow::total).reversed()
                .thenComparing(DimensionRow::value)));
        return rows;
    }

    private static Map<String, List<Dashboard.Share>> shares(Map<Dimension, List<DimensionRow>> rows,
                                                             ToLongFunction<DimensionRow> count, long whole,
                                                             int limit) {
        Map<String, List<Dashboard.Share>> shares = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            shares.put(dimension.key(), rows.getOrDefault(dimension, List.of()).stream()
                    .filter(row -> count.applyAsLong(row) > 0)
                    .sorted(Comparator.comparingLong(count).reversed().thenComparing(DimensionRow::value))
                    .limit(limit)
                    .map(row -> share(row.value(), count.applyAsLong(row), whole))
                    .toList());
        }
        return shares;
    }

    private static Dashboard.Share share(String value, long count, long whole) {
        return new Dashboard.Share(value, count, Percent.of(count, whole));
    }
}
