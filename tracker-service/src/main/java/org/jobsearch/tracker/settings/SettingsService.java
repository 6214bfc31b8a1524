package org.jobsearch.tracker.settings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The user's dashboard settings; a user who never saved any has {@link MetricsSettings#DEFAULTS}. */
@Service
@Transactional(readOnly = true)
public class SettingsService {

    private static final TypeReference<List<LocationGroup>> GROUPS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SettingsService(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public MetricsSettings find(UUID ownerId) {
        return jdbc.sql("""
                        select location_groups::text, min_salary_base, max_salary_base, salary_step
                        from user_settings where owner_id = ?""")
                .param(ownerId)
                .query((rs, row) -> new MetricsSettings(json.readValue(rs.getString(1), GROUPS), rs.getInt(2),
                        rs.getInt(3), rs.getInt(4)))
                .optional()
                .orElse(MetricsSettings.DEFAULTS);
    }

    /**
     * Replaces the owner's settings.
     *
     * @throws SettingsInputException if two groups share a name, or a city is in two groups (or twice in one)
     */
    @Transactional
    public MetricsSettings replace(UUID ownerId, MetricsSettings settings) {
        Map<String, Integer> names = new HashMap<>();
        Map<String, String> cities = new HashMap<>();
        for (int g = 0; g < settings.locationGroups().size(); g++) {
            LocationGroup group = settings.locationGroups().get(g);
            Integer clash = names.putIfAbsent(group.name().trim().toLowerCase(Locale.ROOT), g);
            if (clash != null) {
                throw new SettingsInputException("/locationGroups/" + g + "/name",
                        "group name '" + group.name() + "' is already used by group " + clash);
            }
            for (int p = 0; p < group.patterns().size(); p++) {
                String city = group.patterns().get(p);
                String owner = cities.putIfAbsent(city, group.name());
                if (owner != null) {
                    throw new SettingsInputException("/locationGroups/" + g + "/patterns/" + p,
                            "'" + city + "' is already in group '" + owner + "'");
                }
            }
        }
        jdbc.sql("""
                        insert into user_settings (owner_id, location_groups, min_salary_base, max_salary_base,
                                                   salary_step, updated_at)
                        values (?, ?::jsonb, ?, ?, ?, ?)
                        on conflict (owner_id) do update set location_groups = excluded.location_groups,
                            min_salary_base = excluded.min_salary_base, max_salary_base = excluded.max_salary_base,
                            salary_step = excluded.salary_step, updated_at = excluded.updated_at""")
                .params(ownerId, json.writeValueAsString(settings.locationGroups()), settings.minSalaryBase(),
                        settings.maxSalaryBase(), settings.salaryStep(), Timestamp.from(Instant.now()))
                .update();
        return settings;
    }
}
