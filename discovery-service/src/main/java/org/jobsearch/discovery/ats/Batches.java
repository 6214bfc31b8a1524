package org.jobsearch.discovery.ats;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds a {@link PostingSink} in batches of at most {@code size}, stopping after {@code max} postings or when the
 * sink wants no more. Holds one batch at a time.
 */
final class Batches {

    static final int WHOLE_BOARD_BATCH = 50;

    private final PostingSink sink;
    private final int size;
    private final int max;
    private final List<Posting> batch = new ArrayList<>();
    private int delivered;
    private boolean stopped;

    Batches(PostingSink sink, int size, int max) {
        this.sink = sink;
        this.size = size;
        this.max = max;
    }

    /** Adds one posting; false once no more are wanted (the cap reached, or the sink said stop). */
    boolean add(Posting posting) {
        if (!wantsMore()) {
            return false;
        }
        batch.add(posting);
        if (batch.size() >= size) {
            flush();
        }
        return wantsMore();
    }

    /** Hands the postings collected so far to the sink; false once no more are wanted. */
    boolean flush() {
        if (!batch.isEmpty() && !stopped) {
            List<Posting> out = List.copyOf(batch);
            batch.clear();
            delivered += out.size();
            stopped = !sink.accept(out);
        }
        return wantsMore();
    }

    boolean wantsMore() {
        return !stopped && delivered + batch.size() < max;
    }

    /** Postings added so far (delivered or waiting). */
    int count() {
        return delivered + batch.size();
    }
}
