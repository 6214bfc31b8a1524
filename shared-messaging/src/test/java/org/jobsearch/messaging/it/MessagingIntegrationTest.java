package org.jobsearch.messaging.it;

import org.jobsearch.messaging.testapp.MessagingTestApplication;
import org.jobsearch.testkit.WithRealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One Spring context, shared by every integration test of the library. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@WithRealInfrastructure
@interface MessagingIntegrationTest {
}
