package org.jobsearch.resume.experience;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The user's contact details as every resume prints them.
 *
 * @param links profile or portfolio URLs (http or https), printed in order
 */
public record ContactProfile(@NotBlank @Size(max = 255) String name,
                             @Email @Size(max = 255) String email,
                             @Size(max = 50) String phone,
                             @Size(max = 255) String location,
                             @Size(max = 10) List<@NotNull @Size(max = 2048)
                             @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String> links) {

    public ContactProfile {
        links = links == null ? List.of() : List.copyOf(links);
    }
}
