package org.jobsearch.prep.preparation;

import java.util.List;

/**
 * Everything the prep page of one application shows.
 *
 * @param base        latest version of the base prep; null until one has been generated
 * @param interviews  the application's interviews by time, each with the latest version of its prep (or null)
 * @param generations the latest generation of the base and of each interview
 */
public record PrepPage(PrepDocumentView base, List<InterviewPrep> interviews, List<GenerationView> generations) {

    public record InterviewPrep(InterviewView interview, PrepDocumentView prep) {
    }
}
