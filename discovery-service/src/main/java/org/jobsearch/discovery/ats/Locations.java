package org.jobsearch.discovery.ats;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Location text as the platforms write it. */
final class Locations {

    private static final Pattern REMOTE = Pattern.compile("\\b(remote|distributed|anywhere|work from home|wfh)\\b");
    private static final Pattern NOT_REMOTE = Pattern.compile("\\b(hybrid|on-?site|in[- ]office)\\b");

    private Locations() {
    }

    /** Remote when the text says so, not remote when it says hybrid or on-site, otherwise unknown (null). */
    static Boolean remoteFromText(String location) {
        if (location == null) {
            return null;
        }
        String t = location.toLowerCase(Locale.ROOT);
        if (REMOTE.matcher(t).find()) {
            return Boolean.TRUE;
        }
        return NOT_REMOTE.matcher(t).find() ? Boolean.FALSE : null;
    }

    /** "Larkspur,California,BLANK" → "Larkspur, California": commas spaced, placeholders dropped. */
    static String clean(String location) {
        if (location == null) {
            return null;
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String part : location.split(",")) {
            String p = part.strip();
            if (!p.isEmpty() && !p.equalsIgnoreCase("blank")) {
                parts.add(p);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** Distinct non-blank locations joined with "; ", or null. */
    static String join(Collection<String> locations) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String location : locations) {
            String cleaned = clean(location);
            if (cleaned != null) {
                distinct.add(cleaned);
            }
        }
        return distinct.isEmpty() ? null : String.join("; ", distinct);
    }
}
