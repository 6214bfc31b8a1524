package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Points every ATS platform of the service under test at one local fake (registered for every test context in
 * {@code META-INF/spring.factories}), so syncs never leave the machine; tests script its routes.
 */
public class FakeAtsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final FakeAtsServer SERVER = new FakeAtsServer();

    public static FakeAtsServer server() {
        return SERVER;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jobsearch.discovery.ats.extra-allowed-hosts", TestAts.LOOPBACK);
        for (AtsPlatform platform : AtsPlatform.values()) {
            properties.put("jobsearch.discovery.ats.base-urls." + platform.name().toLowerCase(Locale.ROOT),
                    SERVER.base().toString());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-ats", properties));
    }
}
