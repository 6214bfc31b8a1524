package org.jobsearch.llm;

import org.flywaydb.core.Flyway;
import org.jobsearch.testkit.PostgresServer;
import org.jobsearch.testkit.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a deployment whose service database was migrated before llm-support's ledger existed (the walking
 * skeleton's interview-prep database, for one): the library's 0.5.x migrations version below the service's
 * {@code V1}, and the service must still start and get the ledger's table.
 */
class LibraryMigrationUpgradeTest {

    private final PostgresServer postgres = SharedInfrastructure.postgres();

    @Test
    void aServiceDatabaseMigratedBeforeTheLedgerExisted_getsTheLedgerOnTheNextStart() {
        String database = postgres.createDatabase("llm_upgrade");
        String url = postgres.jdbcUrl(database);
        // the service's earlier release: its own V1, no ledger
        Flyway.configure().dataSource(url, postgres.username(), postgres.password())
                .locations("classpath:db/upgrade-service").load().migrate();

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class, LlmAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + postgres.username(),
                        "spring.datasource.password=" + postgres.password(),
                        "spring.flyway.locations=classpath:db/upgrade-service")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                    assertThat(jdbc.queryForList(
                            "select version from flyway_schema_history where success order by installed_rank", String.class))
                            .containsExactly("1", "0.5.1");
                    assertThat(jdbc.queryForObject("select count(*) from llm_call", Long.class)).isZero();
                    assertThat(jdbc.queryForObject("select count(*) from tracked_thing", Long.class)).isZero();
                });
    }
}
