package org.jobsearch.llm;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service on the library: what its integration tests run against. */
@SpringBootApplication
public class LlmTestApplication {
}
