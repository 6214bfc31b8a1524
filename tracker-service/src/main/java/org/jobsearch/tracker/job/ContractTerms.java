package org.jobsearch.tracker.job;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The terms of a contract role (the reference's ContractJob); part of the {@link Job} aggregate. */
@Entity
@Table(name = "contract_job")
class ContractTerms {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    private UUID ownerId;
    private String consultingCompany;
    private Integer contractLengthMonths;
    private Integer hourlyRateMin;
    private Integer hourlyRateMax;
    private Integer hourlyRateSubmitted;
    private boolean providesBenefits;
    private boolean providesPto;

    protected ContractTerms() {
    }

    ContractTerms(UUID ownerId, JobData.ContractData terms) {
        this.ownerId = ownerId;
        update(terms);
    }

    void update(JobData.ContractData terms) {
        this.consultingCompany = terms.consultingCompany();
        this.contractLengthMonths = terms.lengthMonths();
        this.hourlyRateMin = terms.hourlyRateMin();
        this.hourlyRateMax = terms.hourlyRateMax();
        this.hourlyRateSubmitted = terms.hourlyRateSubmitted();
        this.providesBenefits = terms.providesBenefits();
        this.providesPto = terms.providesPto();
    }

    JobData.ContractData details() {
        return new JobData.ContractData(consultingCompany, contractLengthMonths, hourlyRateMin, hourlyRateMax,
                hourlyRateSubmitted, providesBenefits, providesPto);
    }
}
