package org.jobsearch.discovery.company.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Follow a company, with the user's own title exclusions for it (whole words). */
record FollowRequest(@Size(max = 50) List<@NotBlank @Size(max = 200) String> excludeTerms) {
}
