package org.jobsearch.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code ./run-local} hands each app, without starting anything. */
class LocalStackEnvironmentTest {

    private static final LocalStack.Secrets SECRETS = new LocalStack.Secrets("db-secret", "signing-key");

    @Test
    void servicesRelayEvery50ms_theGatewayHasNoRelaySetting() {
        LocalStack stack = new LocalStack(Path.of("/tmp/stack"), Map.of());

        for (String service : new String[]{"discovery-service", "resume-service", "tracker-service", "interview-prep-service"}) {
            assertThat(stack.appEnvironment(LocalStack.APPS.get(service), SECRETS))
                    .as(service).containsEntry("JOBSEARCH_MESSAGING_RELAY_POLLINTERVAL", "50ms");
        }
        assertThat(stack.appEnvironment(LocalStack.APPS.get("gateway"), SECRETS))
                .doesNotContainKey("JOBSEARCH_MESSAGING_RELAY_POLLINTERVAL");
    }

    @Test
    void theUsersRelaySettingWins() {
        LocalStack stack = new LocalStack(Path.of("/tmp/stack"), Map.of("JOBSEARCH_MESSAGING_RELAY_POLLINTERVAL", "10ms"));

        assertThat(stack.appEnvironment(LocalStack.APPS.get("tracker-service"), SECRETS))
                .containsEntry("JOBSEARCH_MESSAGING_RELAY_POLLINTERVAL", "10ms");
    }

    @Test
    void databaseAndKafkaPortsLieBelowTheEphemeralRange() {
        LocalStack stack = new LocalStack(Path.of("/tmp/stack"), Map.of());

        Map<String, String> env = stack.appEnvironment(LocalStack.APPS.get("resume-service"), SECRETS);
        assertThat(env).containsEntry("JOBSEARCH_DB_URL", "jdbc:postgresql://localhost:25432/resume")
                .containsEntry("JOBSEARCH_KAFKA_BOOTSTRAP", "127.0.0.1:29092")
                .containsEntry("JOBSEARCH_DB_PASSWORD", "db-secret");
    }
}
