package org.jobsearch.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.jobsearch.identity.IdentityTokenSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's features and how they may use each other:
 * <pre>
 *   routing ──> security ──> account        ui (alone)
 * </pre>
 * A feature's root package is its API; its sub-packages ({@code security.web}, ...) are its own.
 * Every rule is also run against a deliberately broken copy of the layout
 * ({@code org.jobsearch.archfixture.gateway}), so a rule that could never fail is noticed.
 */
class GatewayArchitectureTest {

    private static final String GATEWAY = "org.jobsearch.gateway";
    private static final String BROKEN_FIXTURE = "org.jobsearch.archfixture.gateway";
    private static final List<String> FEATURES = List.of("account", "security", "routing", "ui");

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(GATEWAY);

    /** Features depend on each other only along the arrows above. */
    static ArchRule featuresDependOnlyAlongTheArrows(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("account").definedBy(root + ".account..")
                .layer("security").definedBy(root + ".security..")
                .layer("routing").definedBy(root + ".routing..")
                .layer("ui").definedBy(root + ".ui..")
                .whereLayer("account").mayOnlyBeAccessedByLayers("security")
                .whereLayer("security").mayOnlyBeAccessedByLayers("routing")
                .whereLayer("routing").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayNotBeAccessedByAnyLayer();
    }

    /** Another feature may use a feature's root package only, never what lies beneath it. */
    static List<ArchRule> featureInternalsStayInside(String root) {
        return FEATURES.stream().map(feature -> (ArchRule) noClasses()
                        .that().resideOutsideOfPackage(root + "." + feature + "..")
                        .should().dependOnClassesThat().resideInAPackage(root + "." + feature + ".*..")
                        .as("no class outside " + feature + " uses the internals beneath " + root + "." + feature))
                .toList();
    }

    /** Accounts are data and rules: no HTTP, servlet or gateway types. */
    static ArchRule accountsKnowNoWeb(String root) {
        return noClasses().that().resideInAPackage(root + ".account..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.security.web..",
                        "jakarta.servlet..", "org.springframework.cloud.gateway..")
                .as("accounts know nothing of the web");
    }

    /** Only routing forwards requests, and only routing mints identity tokens. */
    static ArchRule onlyRoutingForwardsAndSigns(String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".routing..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.cloud.gateway..")
                .orShould().dependOnClassesThat().areAssignableTo(IdentityTokenSigner.class)
                .as("only routing forwards requests and signs identity tokens");
    }

    static Stream<ArchRule> rules(String root) {
        return Stream.concat(
                Stream.of(featuresDependOnlyAlongTheArrows(root), accountsKnowNoWeb(root), onlyRoutingForwardsAndSigns(root)),
                featureInternalsStayInside(root).stream());
    }

    static Stream<ArchRule> gatewayRules() {
        return rules(GATEWAY);
    }

    @ParameterizedTest
    @MethodSource("gatewayRules")
    void gatewayFollowsTheRule(ArchRule rule) {
        rule.check(PRODUCTION);
    }

    @Test
    void everyRuleCatchesTheBrokenFixture() {
        JavaClasses broken = new ClassFileImporter().importPackages(BROKEN_FIXTURE);

        assertThat(featuresDependOnlyAlongTheArrows(BROKEN_FIXTURE).evaluate(broken).hasViolation()).isTrue();
        assertThat(accountsKnowNoWeb(BROKEN_FIXTURE).evaluate(broken).hasViolation()).isTrue();
        assertThat(onlyRoutingForwardsAndSigns(BROKEN_FIXTURE).evaluate(broken).hasViolation()).isTrue();
        // security's internals are used by routing in the fixture
        assertThat(featureInternalsStayInside(BROKEN_FIXTURE).get(FEATURES.indexOf("security")).evaluate(broken).hasViolation())
                .isTrue();
    }

    @Test
    void everyFeatureExists() {
        for (String feature : FEATURES) {
            assertThat(PRODUCTION.containPackage(GATEWAY + "." + feature)).as(feature).isTrue();
        }
    }
}
