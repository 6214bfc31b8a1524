package org.jobsearch.resume;

import org.jobsearch.resume.generation.BulletWriter;
import org.jobsearch.testkit.WithRealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a random port against real PostgreSQL and Kafka. Every integration test class uses exactly
 * this, so they share one cached Spring context (and one database, relay and consumer group). The bullet writer is
 * a Mockito spy (the real writer unless a test stubs it, reset after each test) so resilience tests can make the
 * write step fail the way a provider does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
@ActiveProfiles("test")
@MockitoSpyBean(types = BulletWriter.class)
public @interface ResumeIntegrationTest {
}
