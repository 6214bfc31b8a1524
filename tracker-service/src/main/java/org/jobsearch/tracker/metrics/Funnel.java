package org.jobsearch.tracker.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The stage funnel: applied → callback → each interview stage in the reference's order → offer. An application has
 * reached a stage when it has a (not cancelled) interview at that stage <em>or a later one</em>: the reference keeps no
 * per-stage pass/fail, a later interview implies the earlier stages were passed (or skipped). So the interview
 * stages never grow down the funnel.
 *
 * @param steps in funnel order
 */
public record Funnel(List<Step> steps) {

    /**
     * @param percentOfApplied  count ÷ applications
     * @param percentOfPrevious count ÷ the previous step's count (100 for "applied")
     */
    public record Step(String stage, long count, double percentOfApplied, double percentOfPrevious) {
    }

    /**
     * @param furthestStage how many applications got furthest to each stage; index = position in {@code stages}
     */
    public static Funnel of(long applied, long callbacks, List<String> stages, long[] furthestStage, long offers) {
        if (furthestStage.length != stages.size()) {
            throw new IllegalArgumentException("one count per stage expected");
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("applied", applied, Percent.of(applied, applied), 100.0));
        add(steps, "callback", callbacks, applied);
        long reached = 0;
        long[] reachedAtLeast = new long[stages.size()];
        for (int i = stages.size() - 1; i >= 0; i--) {
            reached += furthestStage[i];
            reachedAtLeast[i] = reached;
        }
        for (int i = 0; i < stages.size(); i++) {
            add(steps, stages.get(i), reachedAtLeast[i], applied);
        }
        add(steps, "offer", offers, applied);
        return new Funnel(List.copyOf(steps));
    }

    private static void add(List<Step> steps, String stage, long count, long applied) {
        long previous = steps.get(steps.size() - 1).count();
        steps.add(new Step(stage, count, Percent.of(count, applied), Percent.of(count, previous)));
    }
}
