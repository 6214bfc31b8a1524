package org.jobsearch.discovery.searchconfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Lists of user-entered terms: trimmed, without blanks or repeats (ignoring case), in the order given. */
public final class Terms {

    private Terms() {
    }

    public static List<String> clean(List<String> terms) {
        if (terms == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> cleaned = new ArrayList<>();
        for (String term : terms) {
            if (term != null && !term.isBlank() && seen.add(term.strip().toLowerCase(Locale.ROOT))) {
                cleaned.add(term.strip());
            }
        }
        return List.copyOf(cleaned);
    }
}
