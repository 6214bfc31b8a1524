package org.jobsearch.messaging.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service on the messaging library: what the library's integration tests run against. */
@SpringBootApplication
public class MessagingTestApplication {
}
