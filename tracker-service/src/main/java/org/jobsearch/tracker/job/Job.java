package org.jobsearch.tracker.job;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jobsearch.events.JdParsed;
import org.jobsearch.events.WorkSetting;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A job the user tracks, with its requirements and, for a contract role, its terms. The id is assigned, not
 * generated: tracker mints it for a job added by hand, resume-service for a job whose description it parsed.
 */
@Entity
@Table(name = "job")
class Job implements Persistable<UUID> {

    @Id
    private UUID id;
    private UUID ownerId;
    private String source;
    private String company;
    private String listingJobTitle;
    private String role;
    private String specialization;
    private String level;
    private String location;
    @Convert(converter = WorkSettingConverter.class)
    private WorkSetting workSetting;
    private Integer minExperienceYears;
    private Integer minSalary;
    private Integer maxSalary;
    private String externalJobId;
    @Column(name = "raw_jd_text")
    private String rawJd;
    private UUID sourceListingId;
    private Instant jdParsedAt;
    private Instant createdAt;
    private Instant updatedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "job_id", nullable = false, updatable = false)
    @OrderBy("relevance desc")
    private List<Requirement> requirements = new ArrayList<>();

    @OneToOne(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "contract_id")
    private ContractTerms contract;

    @Transient
    private boolean fresh;

    protected Job() {
    }

    private Job(UUID id, UUID ownerId, Instant now) {
        this.id = id;
        this.ownerId = ownerId;
        this.createdAt = now;
        this.updatedAt = now;
        this.fresh = true;
    }

    /** A job the user adds by hand, under an id the tracker mints. */
    static Job byHand(UUID ownerId, JobData data, Instant now) {
        Job job = new Job(UUID.randomUUID(), ownerId, now);
        job.edit(data, now);
        return job;
    }

    /** A job first known from resume's parse, under the id resume minted. */
    static Job fromParsed(JdParsed event, Instant now) {
        Job job = new Job(event.jobId(), event.ownerId(), now);
        job.applyParsed(event, now);
        return job;
    }

    /** Replaces what the user can state about the job; where it came from (listing, last parse) stays. */
    void edit(JobData data, Instant now) {
        this.source = data.source();
        this.company = data.company();
        this.listingJobTitle = data.listingJobTitle();
        this.role = data.role();
        this.specialization = data.specialization();
        this.level = data.level();
        this.location = data.location();
        this.workSetting = data.workSetting();
        this.minExperienceYears = data.minExperienceYears();
        this.minSalary = data.minSalary();
        this.maxSalary = data.maxSalary();
        this.externalJobId = data.externalJobId();
        this.rawJd = data.rawJd();
        replaceRequirements(data.requirements());
        replaceContract(data.contract());
        this.updatedAt = now;
    }

    /**
     * Takes a parse of the job's description: metadata, requirements and contract terms are replaced. A parse older
     * than the one already applied changes nothing.
     *
     * @return whether the parse was applied
     */
    boolean applyParsed(JdParsed event, Instant now) {
        if (jdParsedAt != null && event.occurredAt().isBefore(jdParsedAt)) {
            return false;
        }
        JdParsed.JobMetadata metadata = event.metadata();
        if (event.source() != null) {
            this.source = event.source();
        }
        if (event.sourceListingId() != null) {
            this.sourceListingId = event.sourceListingId();
        }
        this.company = metadata.company();
        this.listingJobTitle = metadata.listingJobTitle();
        this.role = metadata.role();
        this.specialization = metadata.specialization();
        this.level = metadata.level();
        this.location = metadata.location();
        this.workSetting = metadata.workSetting();
        this.minExperienceYears = metadata.minExperienceYears();
        this.minSalary = metadata.minSalary();
        this.maxSalary = metadata.maxSalary();
        this.externalJobId = metadata.externalJobId();
        this.rawJd = event.rawJd();
        replaceRequirements(event.requirements().stream()
                .map(r -> new JobData.RequirementData(r.text(), r.keywords(), r.relevance()))
                .toList());
        JdParsed.ContractTerms terms = event.contractTerms();
        // the rate the user submitted is theirs, not the posting's: a new parse keeps it
        Integer submitted = contract == null ? null : contract.details().hourlyRateSubmitted();
        replaceContract(terms == null ? null : new JobData.ContractData(terms.consultingCompany(), terms.lengthMonths(),
                terms.hourlyRateMin(), terms.hourlyRateMax(), submitted, Boolean.TRUE.equals(terms.benefits()),
                Boolean.TRUE.equals(terms.pto())));
        this.jdParsedAt = event.occurredAt();
        this.updatedAt = now;
        return true;
    }

    private void replaceRequirements(List<JobData.RequirementData> replacement) {
        requirements.clear();
        replacement.forEach(r -> requirements.add(new Requirement(ownerId, r)));
    }

    private void replaceContract(JobData.ContractData terms) {
        if (terms == null) {
            contract = null;
        } else if (contract == null) {
            contract = new ContractTerms(ownerId, terms);
        } else {
            contract.update(terms);
        }
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }

    UUID ownerId() {
        return ownerId;
    }

    JobDetails details(ResumeLink resume) {
        return new JobDetails(id, company, listingJobTitle, externalJobId, source, sourceListingId, resume);
    }

    JobSummary summary() {
        return new JobSummary(id, source, company, listingJobTitle, role, specialization, level, location, workSetting,
                minSalary, maxSalary, externalJobId, createdAt);
    }

    JobView view(List<ResumeLink> resumes) {
        List<JobData.RequirementData> byRelevance = requirements.stream()
                .map(Requirement::details)
                .sorted((a, b) -> Double.compare(b.relevance(), a.relevance()))
                .toList();
        return new JobView(id, source, company, listingJobTitle, role, specialization, level, location, workSetting,
                minExperienceYears, minSalary, maxSalary, externalJobId, sourceListingId, rawJd, byRelevance,
                contract == null ? null : contract.details(), resumes.isEmpty() ? null : resumes.get(0), resumes,
                createdAt, updatedAt);
    }
}
