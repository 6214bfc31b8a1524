package org.jobsearch.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Testcontainers path: the same server contract in containers. Skipped, not failed, on a
 * machine without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureTest {

    @Test
    void containersOfferLogicalWalAndABroker() throws Exception {
        ContainerInfrastructure.PostgresContainerServer postgres = ContainerInfrastructure.postgres();
        ContainerInfrastructure.KafkaContainerServer kafka = ContainerInfrastructure.kafka();
        try {
            String db = postgres.createDatabase("tc");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(db), postgres.username(), postgres.password());
                 ResultSet rs = c.createStatement().executeQuery("show wal_level")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("logical");
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
        } finally {
            postgres.close();
            kafka.close();
        }
    }
}
