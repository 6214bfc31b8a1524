package org.jobsearch.resume.experience;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonResumeMapperTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fixture_mapsWorkToRoles_highlightsToProjects_skillsToTools_basicsToContact() {
        JsonResume resume = JSON.readValue(Path.of("src/test/resources/experience/experience-jsonresume.json").toFile(),
                JsonResume.class);

        ExperienceBase base = JsonResumeMapper.map(resume);
        ExperienceService.checkConsistent(base);

        assertThat(base.contact()).isEqualTo(new ContactProfile("Sam Rivera", "sam.rivera@example.com",
                "(555) 010-0142", "Denver, CO", List.of()));
        assertThat(base.roles()).extracting(ExperienceRole::key).containsExactly(
                "adventure_works_site_reliability_engin", "wide_world_importers_devops_engineer",
                "northwind_traders_systems_administrator");
        ExperienceRole first = base.roles().get(0);
        assertThat(first.company()).isEqualTo("Adventure Works");
        assertThat(first.title()).isEqualTo("Site Reliability Engineer");
        assertThat(first.location()).isEqualTo("Denver, CO");
        assertThat(first.startDate()).isEqualTo(LocalDate.of(2022, 1, 10));
        assertThat(first.current()).isTrue();
        assertThat(base.roles().get(1).endDate()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(first.projects()).hasSize(3);
        ExperienceProject eks = first.projects().get(0);
        assertThat(eks.shortName()).isEqualTo("Migrated 45 services from VMs to");
        assertThat(eks.actions()).containsExactly("Migrated 45 services from VMs to EKS with Kustomize overlays, "
                + "cutting deploy time from 40 to 8 minutes");
        assertThat(eks.tools()).containsExactly("EKS");
        assertThat(first.projects().get(1).tools()).containsExactly("Prometheus", "Grafana");
        assertThat(first.projects().get(2).tools()).containsExactly("Terraform");
        assertThat(base.roles().get(2).projects().get(0).tools()).containsExactly("Ansible");
        assertThat(base.roles().get(2).projects().get(1).tools()).containsExactly("ELK");
    }

    @Test
    void projects_joinTheirEntitysRole_orAnIndependentRole_partialDatesStartTheMonth() {
        JsonResume resume = new JsonResume(new JsonResume.Basics("Ada", "Data Engineer", null, null,
                "https://ada.example", new JsonResume.Location(null, "Austin", "TX", "US"),
                List.of(new JsonResume.Profile("GitHub", "https://github.com/ada"))),
                List.of(new JsonResume.Work("Contoso", "Data Engineer", null, "2020-03", null, "Batch platform",
                        List.of("Built Airflow DAGs for 40 pipelines"))),
                List.of(new JsonResume.Project("Lakehouse", "Moved marts to Iceberg", List.of("Built Iceberg tables"),
                                List.of("Iceberg", "Spark"), "2021", null, "contoso"),
                        new JsonResume.Project("OSS CLI", null, List.of("Wrote a Go CLI"), List.of(), "2019-06", null,
                                null)),
                List.of(new JsonResume.Skill("Data", List.of("Airflow", "Go"))));

        ExperienceBase base = JsonResumeMapper.map(resume);

        assertThat(base.contact().location()).isEqualTo("Austin, TX");
        assertThat(base.contact().links()).containsExactly("https://ada.example", "https://github.com/ada");
        assertThat(base.roles()).extracting(ExperienceRole::key)
                .containsExactly("contoso_data_engineer", "independent_projects");
        assertThat(base.roles().get(0).startDate()).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(base.roles().get(0).projects()).extracting(ExperienceProject::shortName)
                .containsExactly("Built Airflow DAGs for 40 pipelines", "Lakehouse");
        assertThat(base.roles().get(0).projects().get(0).problemContext()).isEqualTo("Batch platform");
        assertThat(base.roles().get(0).projects().get(1).tools()).containsExactly("Iceberg", "Spark");
        ExperienceRole independent = base.roles().get(1);
        assertThat(independent.title()).isEqualTo("Data Engineer");
        assertThat(independent.startDate()).isEqualTo(LocalDate.of(2019, 6, 1));
        assertThat(independent.projects().get(0).tools()).containsExactly("Go");
    }

    @Test
    void impossibleDate_isNamedByPointer() {
        JsonResume resume = new JsonResume(null, List.of(new JsonResume.Work("Contoso", "Engineer", null, "2020-13",
                null, null, List.of())), List.of(), List.of());

        assertThatThrownBy(() -> JsonResumeMapper.map(resume)).isInstanceOfSatisfying(InvalidExperienceException.class,
                e -> assertThat(e.problems()).extracting(InvalidExperienceException.Problem::pointer)
                        .containsExactly("/work/0/startDate"));
    }
}
