package org.jobsearch.testkit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SharedInfrastructureTest {

    @Test
    void oneServerPerJvmWithLogicalWalAndSeparateDatabases() throws Exception {
        PostgresServer postgres = SharedInfrastructure.postgres();
        assertThat(SharedInfrastructure.postgres()).isSameAs(postgres);

        String first = postgres.createDatabase("a");
        String second = postgres.createDatabase("a");
        assertThat(first).isNotEqualTo(second);
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(first), postgres.username(), postgres.password());
             ResultSet rs = c.createStatement().executeQuery("show wal_level")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("logical");
        }
    }

    @Test
    void oneKraftBrokerPerJvm() throws Exception {
        KafkaServer kafka = SharedInfrastructure.kafka();
        assertThat(SharedInfrastructure.kafka()).isSameAs(kafka);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }
}
