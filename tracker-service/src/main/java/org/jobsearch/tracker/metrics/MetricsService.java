package org.jobsearch.tracker.metrics;

import org.jobsearch.tracker.interview.InterviewStage;
import org.jobsearch.tracker.settings.MetricsSettings;
import org.jobsearch.tracker.settings.SettingsService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;

/**
 * The metrics dashboard of the reference (its section 4.3) plus what its doc names and its code lacks: zero-filled
 * timelines, the stage funnel, interview-to-offer conversion and time to first response. Counting is done by
 * PostgreSQL ({@link MetricsQueries}: one statement per dashboard, over the rollup {@code application_metrics_rollup}
 * when only dates filter, else over the read model {@code application_metrics}, plus one reading the owner's locations
 * when filtering by location group, whatever the number of applications); this names, orders and divides. Every
 * number is defined in docs/services/tracker-service.md.
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
        LocationGrouping grouping = new LocationGrouping(mine.locationGroups());
        MetricsQueries.Aggregates counted = aggregate(owner, filter, mine, grouping);
        Map<Dimension, List<DimensionRow>> rows = rows(counted, mine, grouping);

        long total = 0;
        long callbacks = 0;
        long rejected = 0;
        long closed = 0;
        long noResponse = 0;
        long offers = 0;
        long interviewed = 0;
        long interviewedWithOffer = 0;
        long[] furthest = new long[STAGES.size()];
        for (MetricsQueries.Process p : counted.process()) {
            MetricsQueries.Counts c = p.counts();
            total += c.total();
            callbacks += c.callbacks();
            rejected += c.rejected();
            closed += c.closed();
            noResponse += c.noResponse();
            boolean offer = "offer".equals(p.outcome());
            offers += offer ? c.total() : 0;
            if (p.stage() != null) {
                furthest[STAGES.indexOf(p.stage())] += c.total();
                interviewed += c.total();
                interviewedWithOffer += offer ? c.total() : 0;
            }
        }
        Map<LocalDate, Timeline.Day> days = new HashMap<>();
        counted.days().forEach((day, c) -> days.put(day, new Timeline.Day(c.total(), c.callbacks())));

        Dashboard.Summary summary = new Dashboard.Summary(total, share("callback", callbacks, total),
                share("rejected", rejected, total), share("closed", closed, total),
                share("no_response", noResponse, total));
        LocalDate firstApplied = days.keySet().stream().min(Comparator.naturalOrder()).orElse(null);
        LocalDate lastApplied = days.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
        Timeline timeline = Timeline.zeroFilled(interval, filter.from() != null ? filter.from() : firstApplied,
                filter.to() != null ? filter.to() : lastApplied, days);
        Funnel funnel = Funnel.of(total, callbacks, STAGES, furthest, offers);
        Double medianSeconds = counted.medianSeconds();
        return new Dashboard(summary,
                new Dashboard.CallbackAnalysis(callbacks, shares(rows, DimensionRow::callbacks, callbacks,
                        Integer.MAX_VALUE)),
                new Dashboard.RejectionAnalysis(rejected, shares(rows, DimensionRow::rejected, rejected,
                        REJECTION_TOP)),
                timeline, funnel,
                new Dashboard.Conversion(interviewed, interviewedWithOffer,
                        Percent.of(interviewedWithOffer, interviewed)),
                new Dashboard.FirstResponse(counted.responded(), medianSeconds == null ? null
                        : BigDecimal.valueOf(medianSeconds).divide(BigDecimal.valueOf(3600), 1,
                        RoundingMode.HALF_UP).doubleValue()));
    }

    /** The deep-dive table: one row per value of {@code dimension}, most applications first. */
    public List<DimensionRow> deepDive(UUID owner, MetricsFilter filter, Dimension dimension) {
        MetricsSettings mine = settings.find(owner);
        LocationGrouping grouping = new LocationGrouping(mine.locationGroups());
        return rows(aggregate(owner, filter, mine, grouping), mine, grouping).getOrDefault(dimension, List.of());
    }

    /**
     * The one counting statement (from the rollup or the read model: {@link MetricsQueries#aggregate}). A location
     * filter names groups; the statement filters raw locations, so only then are the owner's distinct locations read
     * and grouped here.
     */
    private MetricsQueries.Aggregates aggregate(UUID owner, MetricsFilter filter, MetricsSettings mine,
                                                LocationGrouping grouping) {
        List<String> rawLocations = null;
        boolean locationNone = false;
        if (!filter.locations().isEmpty()) {
            Set<String> wanted = Set.copyOf(filter.locations());
            locationNone = wanted.contains(LocationGrouping.NOT_SPECIFIED);
            rawLocations = queries.locations(owner).stream()
                    .filter(raw -> raw != null && wanted.contains(grouping.group(raw))).toList();
        }
        return queries.aggregate(owner, filter, rawLocations, locationNone, mine.minSalaryBase(),
                mine.maxSalaryBase(), mine.salaryStep());
    }

    /** Named rows per dimension: salary buckets labelled, locations grouped (their counts merged), most first. */
    private static Map<Dimension, List<DimensionRow>> rows(MetricsQueries.Aggregates counted, MetricsSettings mine,
                                                           LocationGrouping grouping) {
        Map<Dimension, List<DimensionRow>> rows = new EnumMap<>(Dimension.class);
        for (Map.Entry<String, List<MetricsQueries.Counts>> entry : counted.dimensions().entrySet()) {
            Dimension dimension = Dimension.of(entry.getKey());
            Map<String, long[]> merged = new LinkedHashMap<>();
            for (MetricsQueries.Counts c : entry.getValue()) {
                String value;
                if (dimension.salary()) {
                    if (c.value() == null) {
                        continue; // the reference skips unknown salaries
                    }
                    int base = dimension == Dimension.MIN_SALARY ? mine.minSalaryBase() : mine.maxSalaryBase();
                    value = SalaryBuckets.label(Integer.parseInt(c.value()), base, mine.salaryStep());
                } else if (dimension == Dimension.LOCATION) {
                    value = grouping.group(c.value());
                } else {
                    value = c.value() == null ? LocationGrouping.NOT_SPECIFIED : c.value();
                }
                long[] sums = merged.computeIfAbsent(value, v -> new long[5]);
                sums[0] += c.total();
                sums[1] += c.callbacks();
                sums[2] += c.rejected();
                sums[3] += c.closed();
                sums[4] += c.noResponse();
            }
            List<DimensionRow> list = new ArrayList<>();
            merged.forEach((value, s) -> list.add(new DimensionRow(value, s[0], s[1], Percent.of(s[1], s[0]), s[2],
                    s[3], s[4])));
            list.sort(Comparator.comparingLong(DimensionRow::total).reversed().thenComparing(DimensionRow::value));
            rows.put(dimension, list);
        }
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
