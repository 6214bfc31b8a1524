package org.jobsearch.discovery.company;

import org.jobsearch.discovery.ats.AtsConfig;
import org.jobsearch.discovery.ats.AtsConfigException;
import org.jobsearch.discovery.ats.AtsConfigs;

/**
 * A company as added or edited: an explicit config, or one derived from the careers URL.
 *
 * @param name       shown name; null: derived from the board
 * @param careersUrl the public careers page
 * @param config     the board; null: derived from {@code careersUrl}
 */
public record CompanyCommand(String name, String careersUrl, AtsConfig config, boolean active) {

    public CompanyCommand {
        name = name == null || name.isBlank() ? null : name.strip();
        careersUrl = careersUrl == null || careersUrl.isBlank() ? null : careersUrl.strip();
        if (config == null) {
            if (careersUrl == null) {
                throw new AtsConfigException("either a careers URL or an explicit platform config is required");
            }
            config = AtsConfigs.fromCareersUrl(careersUrl);
        }
        if (name == null) {
            name = CompanyConfigs.defaultName(config);
        }
    }
}
