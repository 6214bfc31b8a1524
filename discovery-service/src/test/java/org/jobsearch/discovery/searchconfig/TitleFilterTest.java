package org.jobsearch.discovery.searchconfig;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TitleFilterTest {

    @Test
    void termMatchesWholeWordsIgnoringCase() {
        assertThat(TitleFilter.containsWord("Senior API Engineer", "api")).isTrue();
        assertThat(TitleFilter.containsWord("Capital Markets Analyst", "api")).isFalse();
        assertThat(TitleFilter.containsWord("JAVA developer", "Java")).isTrue();
        assertThat(TitleFilter.containsWord("JavaScript developer", "Java")).isFalse();
        assertThat(TitleFilter.containsWord("Machine Learning Engineer", "machine learning")).isTrue();
        assertThat(TitleFilter.containsWord("C++ Developer", "C++")).isTrue();
        assertThat(TitleFilter.containsWord("Senior .NET Engineer", ".NET")).isTrue();
    }

    @Test
    void relatedTermsMatchToo() {
        assertThat(TitleFilter.matches("Kotlin Backend Developer", "Java", List.of("Kotlin"), List.of())).isTrue();
        assertThat(TitleFilter.matches("Go Developer", "Java", List.of("Kotlin"), List.of())).isFalse();
    }

    @Test
    void exclusionsAreWholeWordsSoSeniorKeepsSeniority() {
        assertThat(TitleFilter.matches("Senior Java Engineer", "Java", List.of(), List.of("Senior"))).isFalse();
        assertThat(TitleFilter.matches("Seniority Java Analyst", "Java", List.of(), List.of("senior"))).isTrue();
        assertThat(TitleFilter.matches("SENIOR java engineer", "Java", List.of(), List.of("senior"))).isFalse();
    }

    @Test
    void configAndCompanyExclusionsBothApplyAndLocationFiltersAreSubstrings() {
        SearchConfigView config = new SearchConfigView(UUID.randomUUID(), UUID.randomUUID(), "Engineer", List.of(),
                List.of("Staff"), List.of("Berlin", "remote"), true, Instant.EPOCH, Instant.EPOCH);
        assertThat(config.matches("Platform Engineer", "Berlin, DE", List.of())).isTrue();
        assertThat(config.matches("Staff Engineer", "Berlin, DE", List.of())).isFalse();
        assertThat(config.matches("Lead Engineer", "Berlin, DE", List.of("Lead"))).isFalse();
        assertThat(config.matches("Platform Engineer", "Remote - EU", List.of())).isTrue();
        assertThat(config.matches("Platform Engineer", "Munich", List.of())).isFalse();
        assertThat(config.matches("Platform Engineer", null, List.of())).isFalse();
    }

    @Test
    void inactiveConfigMatchesNothing() {
        SearchConfigView config = new SearchConfigView(UUID.randomUUID(), UUID.randomUUID(), "Engineer", List.of(),
                List.of(), List.of(), false, Instant.EPOCH, Instant.EPOCH);
        assertThat(config.matches("Engineer", "Anywhere", List.of())).isFalse();
    }

    @Test
    void termsAreCleaned() {
        assertThat(Terms.clean(List.of(" Java ", "java", "", "Kotlin"))).containsExactly("Java", "Kotlin");
    }
}
