package org.jobsearch.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules pass a service laid out by the book and fail, naming each culprit, on one that is not. */
class ServiceArchitectureTest {

    private static final String CLEAN = "org.jobsearch.architecture.fixture.clean";
    private static final String TANGLED = "org.jobsearch.architecture.fixture.tangled";

    private final JavaClasses clean = new ClassFileImporter().importPackages(CLEAN);
    private final JavaClasses tangled = new ClassFileImporter().importPackages(TANGLED);

    @Test
    void cleanLayoutPassesBothRules() {
        ServiceArchitecture.featuresUseOnlyEachOthersApi(CLEAN).check(clean);
        ServiceArchitecture.domainIndependentOfWebAndMessaging(CLEAN).check(clean);
    }

    @Test
    void reachingIntoAnotherFeatureFails() {
        EvaluationResult result = ServiceArchitecture.featuresUseOnlyEachOthersApi(TANGLED).evaluate(tangled);

        assertThat(result.hasViolation()).isTrue();
        String report = result.getFailureReport().toString();
        assertThat(report)
                .contains("a repository of feature 'order'")
                .contains("an entity of feature 'order'")
                .contains("which is inside feature 'order' (" + TANGLED + ".order.web)");
        assertThat(result.getFailureReport().getDetails()).allMatch(line -> line.contains("BillingService"));
    }

    @Test
    void domainDependingOnWebFails() {
        EvaluationResult result = ServiceArchitecture.domainIndependentOfWebAndMessaging(TANGLED).evaluate(tangled);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("OrderService.place(" + TANGLED + ".order.web.OrderRequest)")
                .contains("Invoice.client")
                .contains("org.springframework.web.client.RestClient");
    }
}
