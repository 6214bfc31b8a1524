package org.jobsearch.tracker.job;

/**
 * The reference's choice lists for a job, as the patterns a request is validated with. Values that arrive in a
 * {@code JdParsed} are kept as they came (the contract allows any lower snake case), so these bind input only.
 */
public final class JobChoices {

    /** Where the user found the job (the reference's {@code Job.source}). */
    public static final String SOURCE =
            "^(linkedin|company_site|indeed|internal_recruiter|external_recruiter)$";
    public static final String SOURCE_MESSAGE =
            "must be one of linkedin, company_site, indeed, internal_recruiter, external_recruiter";

    /** The reference's {@code JobRole}. */
    public static final String ROLE = "^(analytics_engineer|business_analyst|business_intelligence_engineer"
            + "|data_analyst|data_engineer|data_scientist|software_engineer|solutions_engineer)$";
    public static final String ROLE_MESSAGE = "must be one of analytics_engineer, business_analyst, "
            + "business_intelligence_engineer, data_analyst, data_engineer, data_scientist, software_engineer, "
            + "solutions_engineer";

    /** The reference's {@code JobLevel} (associate, I, II, III, senior), in lower case as the contracts carry it. */
    public static final String LEVEL = "^(associate|i|ii|iii|senior)$";
    public static final String LEVEL_MESSAGE = "must be one of associate, i, ii, iii, senior";

    private JobChoices() {
    }
}
