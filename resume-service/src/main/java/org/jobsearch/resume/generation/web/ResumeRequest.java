package org.jobsearch.resume.generation.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * @param jdText    the pasted job description (or {@code listingId}, not both)
 * @param listingId a listing discovery announced
 * @param source    where the user found the job
 * @param template  a built-in's key ({@code engineer}, {@code analyst}) or a template id; left out, the parse decides
 * @param generate  {@code true} (default): queue the whole pipeline; {@code false}: parse only, for a job the user
 *                  only wants to track
 */
record ResumeRequest(@Size(max = 200_000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
                     String jdText,
                     UUID listingId,
                     @NotBlank @Pattern(regexp = "linkedin|company_site|indeed|internal_recruiter|external_recruiter")
                     String source,
                     @Size(max = 100) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters")
                     String template,
                     Boolean generate) {

    @AssertTrue(message = "give exactly one of jdText (not blank) and listingId")
    boolean isJdText() {
        boolean text = jdText != null && !jdText.isBlank();
        return text != (listingId != null);
    }
}
