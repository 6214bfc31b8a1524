package org.jobsearch.resume;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Resume tailoring: JD parsing, the experience base, the bullet writer, templates and PDF rendering. For now the
 * service's shell: its database (the messaging tables), security, health, OpenAPI and the event plumbing.
 */
@SpringBootApplication
public class ResumeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResumeApplication.class, args);
    }
}
