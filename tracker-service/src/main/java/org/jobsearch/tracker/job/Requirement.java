package org.jobsearch.tracker.job;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One requirement of a {@link Job}; part of the job aggregate. */
@Entity
@Table(name = "job_requirement")
class Requirement {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID ownerId;
    private String text;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> keywords = new ArrayList<>();
    private double relevance;

    protected Requirement() {
    }

    Requirement(UUID ownerId, JobData.RequirementData requirement) {
        this.ownerId = ownerId;
        this.text = requirement.text();
        this.keywords = new ArrayList<>(requirement.keywords());
        this.relevance = requirement.relevance();
    }

    JobData.RequirementData details() {
        return new JobData.RequirementData(text, keywords, relevance);
    }
}
