package org.jobsearch.testkit;

import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} against the JVM's shared real PostgreSQL and Kafka, with a
 * database of its own per cached context (see {@link RealInfrastructureInitializer}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
public @interface WithRealInfrastructure {
}
