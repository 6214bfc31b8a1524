package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jobsearch.discovery.ats} as the service binds it from application.yml and the environment. */
class AtsPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(context -> applicationYml().forEach(
                    source -> context.getEnvironment().getPropertySources().addLast(source)))
            .withUserConfiguration(AtsConfiguration.class);

    @Test
    void applicationYmlGivesTheDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(AtsService.class).hasSingleBean(HostScheduler.class);
            AtsProperties properties = context.getBean(AtsProperties.class);
            assertThat(properties).isEqualTo(AtsProperties.defaults());
            assertThat(properties.extraAllowedHosts()).isEmpty();
            assertThat(properties.baseUrls()).isEmpty();
        });
    }

    @Test
    void bindsAllowedHostsAndBaseUrlsFromTheEnvironment() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
                                "JOBSEARCH_ATS_EXTRA_ALLOWED_HOSTS", "localhost, *.Mirror.example",
                                "JOBSEARCH_ATS_PAUSE_BETWEEN_REQUESTS", "1s",
                                "JOBSEARCH_DISCOVERY_ATS_BASEURLS_GREENHOUSE", "http://localhost:8089",
                                "JOBSEARCH_ATS_WORKDAY_TENANT_URL", "http://{host}"))))
                .run(context -> {
                    AtsProperties properties = context.getBean(AtsProperties.class);
                    assertThat(properties.extraAllowedHosts()).containsExactly("localhost", "*.mirror.example");
                    assertThat(properties.pauseBetweenRequests()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(properties.baseUrls())
                            .isEqualTo(Map.of(AtsPlatform.GREENHOUSE, URI.create("http://localhost:8089")));
                    assertThat(properties.workdayBase("tenant1.bench.test:8089"))
                            .isEqualTo(URI.create("http://tenant1.bench.test:8089"));
                });
    }

    @Test
    void aBadSettingStopsTheStartNamingIt() {
        assertStartFails("jobsearch.discovery.ats.max-concurrent-hosts=0", "jobsearch.discovery.ats.max-concurrent-hosts");
        assertStartFails("jobsearch.discovery.ats.pause-between-requests=-1s",
                "jobsearch.discovery.ats.pause-between-requests");
        assertStartFails("jobsearch.discovery.ats.read-timeout=0s", "jobsearch.discovery.ats.read-timeout");
        assertStartFails("jobsearch.discovery.ats.extra-allowed-hosts=http://localhost:8089",
                "jobsearch.discovery.ats.extra-allowed-hosts");
        assertStartFails("jobsearch.discovery.ats.base-urls.lever=localhost:8089", "jobsearch.discovery.ats.base-urls.lever");
        // the company's host must stay the host: no fixed host in front of it, no other scheme
        assertStartFails("jobsearch.discovery.ats.workday-tenant-url=http://mirror.example/{host}",
                "jobsearch.discovery.ats.workday-tenant-url");
        assertStartFails("jobsearch.discovery.ats.workday-tenant-url=ftp://{host}",
                "jobsearch.discovery.ats.workday-tenant-url");
    }

    private void assertStartFails(String property, String named) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).hasMessageContaining(named);
        });
    }

    private static List<PropertySource<?>> applicationYml() {
        try {
            return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
