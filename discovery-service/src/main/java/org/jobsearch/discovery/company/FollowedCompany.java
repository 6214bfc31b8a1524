package org.jobsearch.discovery.company;

import org.jobsearch.discovery.ats.AtsConfig;

import java.util.List;
import java.util.UUID;

/** An active company someone follows, with every follower and their exclusions: what a sync fetches and matches. */
public record FollowedCompany(UUID id, String name, AtsConfig config, List<Follower> followers) {

    public FollowedCompany {
        followers = List.copyOf(followers);
    }

    public record Follower(UUID ownerId, List<String> excludeTerms) {
        public Follower {
            excludeTerms = List.copyOf(excludeTerms);
        }
    }
}
