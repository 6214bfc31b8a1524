package org.jobsearch.messaging.fault;

import org.jobsearch.messaging.testapp.MessagingTestApplication;
import org.jobsearch.messaging.testapp.TestEventHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A messaging-test node alone in a JVM, so a fault test can kill it. Arguments are Spring properties
 * ({@code --name=value}); {@code --fault.halt-after-effects=n} halts the JVM (exit 137, no shutdown
 * hook, nothing flushed) right after the transaction holding the n-th effect commits (the inbox commits
 * a poll's records together) and before the listener container commits their offsets: the window
 * between a consumer's database commit and its Kafka commit. Prints {@code READY} once its listeners run.
 */
public final class ConsumerNode {

    private ConsumerNode() {
    }

    public static void main(String[] args) {
        int haltAfter = 0;
        for (String arg : args) {
            if (arg.startsWith("--fault.halt-after-effects=")) {
                haltAfter = Integer.parseInt(arg.substring(arg.indexOf('=') + 1));
            }
        }
        if (haltAfter > 0) {
            int limit = haltAfter;
            AtomicInteger committed = new AtomicInteger();
            TestEventHandler.afterCommit = event -> {
                if (committed.incrementAndGet() == limit) {
                    System.out.println("HALT after " + limit + " effects, at " + event.aggregate() + "#" + event.seq());
                    System.out.flush();
                    Runtime.getRuntime().halt(137);
                }
            };
        }
        SpringApplication application = new SpringApplication(MessagingTestApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args);
        System.out.println("READY");
    }
}
