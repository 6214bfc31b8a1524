package org.jobsearch.tracker.metrics;

import org.jobsearch.tracker.settings.LocationGroup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's {@code _group_location} with the user's groups: an empty location is "Not specified"; a location
 * whose city (before the first comma, case and blanks ignored) is in a group counts as that group, the first group
 * naming it winning; anything else ("Remote (U.S.)", "Austin, TX") keeps its own text.
 */
public final class LocationGrouping {

    public static final String NOT_SPECIFIED = "Not specified";

    private final Map<String, String> groupOfCity = new HashMap<>();

    public LocationGrouping(List<LocationGroup> groups) {
        for (LocationGroup group : groups) {
            for (String pattern : group.patterns()) {
                groupOfCity.putIfAbsent(LocationGroup.normalize(pattern), group.name());
            }
        }
    }

    public String group(String location) {
        if (location == null || location.isBlank()) {
            return NOT_SPECIFIED;
        }
        int comma = location.indexOf(',');
        String city = LocationGroup.normalize(comma < 0 ? location : location.substring(0, comma));
        return groupOfCity.getOrDefault(city, location);
    }
}
