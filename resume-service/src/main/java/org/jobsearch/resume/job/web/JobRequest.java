package org.jobsearch.resume.job.web;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * @param jdText    the pasted job description (or {@code listingId}, not both)
 * @param listingId a listing discovery announced
 * @param source    where the user found the job
 * @param generate  this endpoint only parses, so only {@code false} is accepted: {@code POST /api/resumes} generates
 */
record JobRequest(@Size(max = 200_000) String jdText,
                  UUID listingId,
                  @NotBlank @Pattern(regexp = "linkedin|company_site|indeed|internal_recruiter|external_recruiter")
                  String source,
                  @AssertFalse(message = "this endpoint only parses: send false or leave it out (POST /api/resumes generates)")
                  Boolean generate) {

    @AssertTrue(message = "give exactly one of jdText (not blank) and listingId")
    boolean isJdText() {
        boolean text = jdText != null && !jdText.isBlank();
        return text != (listingId != null);
    }
}
