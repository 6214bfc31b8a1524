package org.jobsearch.discovery.searchconfig;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a posting's title is one a search config asks for. Every comparison is whole-word and case-insensitive:
 * "api" does not match "Capital", and excluding "Senior" keeps "Seniority Analyst" (the reference dropped it).
 * A word boundary is any change between a letter or digit and anything else, so terms like "C++" or ".NET" work.
 */
public final class TitleFilter {

    private TitleFilter() {
    }

    /** Whether {@code term} occurs in {@code text} as a whole word (or whole phrase), ignoring case. */
    public static boolean containsWord(String text, String term) {
        if (text == null || term == null || term.isBlank()) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    /** Whether the title has the search term or one of the related terms, and none of the exclusions. */
    public static boolean matches(String title, String searchTerm, Collection<String> relatedTerms,
                                  Collection<String> excludeTerms) {
        boolean wanted = containsWord(title, searchTerm)
                || relatedTerms.stream().anyMatch(term -> containsWord(title, term));
        return wanted && excludeTerms.stream().noneMatch(term -> containsWord(title, term));
    }

    /** Whether the location passes the filters: no filters, or the location contains one of them (ignoring case). */
    public static boolean locationMatches(String location, List<String> locationFilters) {
        if (locationFilters.isEmpty()) {
            return true;
        }
        if (location == null) {
            return false;
        }
        String haystack = location.toLowerCase(Locale.ROOT);
        return locationFilters.stream().anyMatch(f -> haystack.contains(f.strip().toLowerCase(Locale.ROOT)));
    }
}
