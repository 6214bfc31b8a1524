package org.jobsearch.discovery.ats;

import java.util.List;

/**
 * Where a streaming fetch delivers its postings, a batch at a time as they arrive (a Workday or SmartRecruiters
 * list page with its details, a slice of a whole-board document), so a fetch never holds a whole board in memory.
 * Called on the fetching thread.
 */
@FunctionalInterface
public interface PostingSink {

    /**
     * Takes one batch.
     *
     * @return whether more postings are wanted; {@code false} stops the fetch (no further requests are sent)
     */
    boolean accept(List<Posting> batch);
}
