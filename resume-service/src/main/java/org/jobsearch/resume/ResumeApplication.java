package org.jobsearch.resume;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Resume tailoring: JD preprocessing and parsing today; the experience base, the bullet writer, templates and PDF
 * rendering follow.
 */
@SpringBootApplication
public class ResumeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResumeApplication.class, args);
    }
}
