package org.jobsearch.resume.jd;

import org.jobsearch.llm.LlmCall;
import org.jobsearch.llm.LlmClient;
import org.jobsearch.llm.LlmResult;

/** The model reads the JD; its answer is validated as a {@link ParsedJd} (one repair attempt, in llm-support). */
final class LlmJdParser implements JdParser {

    static final String PURPOSE = "jd_parse";
    static final int MAX_OUTPUT_TOKENS = 3000;

    /** The reference's parse_jd prompt rules, static so providers can cache them as the system prompt. */
    static final String RULES = """
            You read one job description and extract the job's metadata and its requirements.
            Rules:
            - metadata.company: the hiring company (not a recruiting agency, unless no client is named).
            - metadata.listingJobTitle: the title exactly as the posting states it.
            - metadata.role: exactly one of analytics_engineer, business_analyst, business_intelligence_engineer,
              data_analyst, data_engineer, data_scientist, software_engineer, solutions_engineer.
            - metadata.specialization: only when the JD explicitly labels the role Python, Backend or Full Stack;
              never inferred; otherwise null.
            - metadata.level: one of associate, i, ii, iii, senior, calibrated against Amazon's ladder
              (associate: entry level; i: 0-2 years; ii: 2-5 years; iii: 5-8 years; senior: senior, staff, lead).
            - metadata.location: "City, ST". With several locations prefer the Seattle area, then the Chicago area.
              Use "Remote (U.S.)" if the job is remote.
            - metadata.workSetting: on_site, hybrid or remote.
            - metadata.minExperienceYears: the smallest number of years required, if stated.
            - metadata.minSalary / maxSalary: the yearly base pay range in whole US dollars, if stated.
            - metadata.externalJobId: any Job ID or Req ID; null if there is none.
            - requirements: short phrases that carry the JD's keywords, each with the keywords (technologies,
              methods, domains) and a relevance from 0 (nice to have) to 1 (essential). Leave out education and
              degree requirements. Keep every listed requirement and responsibility.
            - contractTerms: only when it is a contract role (agency, hourly rate, fixed length); otherwise null.
              consultingCompany is the agency placing the contractor; rates are US dollars per hour.
            - Output JSON only.""";

    private final LlmClient llm;

    LlmJdParser(LlmClient llm) {
        this.llm = llm;
    }

    @Override
    public Result parse(Request request) {
        LlmResult<ParsedJd> result = llm.structured(
                LlmCall.builder(request.ownerId(), PURPOSE).jobId(request.jobId())
                        .systemContext(RULES)
                        .userMessage("Job description:\n" + request.cleanedJd())
                        .maxOutputTokens(MAX_OUTPUT_TOKENS)
                        .build(),
                ParsedJd.class);
        return new Result(result.value(), result.provider() + "/" + result.model());
    }
}
