package org.jobsearch.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layout rules every service follows (STYLE.md: package by feature, then by role), as ArchUnit rules over a
 * service's base package, e.g. {@code org.jobsearch.tracker}.
 *
 * <p>A <em>feature</em> is a direct subpackage of the base package ({@code tracker.application}); its
 * <em>domain</em> is the classes of that package itself, its roles (web, messaging, ...) are its subpackages. A
 * feature's <em>API</em> is the public types of its top package that are neither JPA entities nor Spring Data
 * repositories: usually its one service and the records it takes and returns. {@code config} is wiring, not a
 * feature.
 */
public final class ServiceArchitecture {

    private static final Set<String> NOT_FEATURES = Set.of("config");

    private ServiceArchitecture() {
    }

    /** A class outside a feature uses it only through its API: never its subpackages, entities or repositories. */
    public static ArchRule featuresUseOnlyEachOthersApi(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..")
                .should(new ArchCondition<>("use other features only through their API") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> originFeature = feature(basePackage, origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            Optional<String> targetFeature = feature(basePackage, target);
                            if (targetFeature.isEmpty() || targetFeature.equals(originFeature)) {
                                continue;
                            }
                            String internal = internal(basePackage, targetFeature.get(), target);
                            if (internal != null) {
                                events.add(SimpleConditionEvent.violated(dependency,
                                        dependency.getDescription() + ", " + internal));
                            }
                        }
                    }
                })
                .because("a feature exposes one service; its entities, repositories, web and messaging are its own");
    }

    /** A feature's domain knows nothing of how it is reached: no web, no messaging, neither ours nor a framework's. */
    public static ArchRule domainIndependentOfWebAndMessaging(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".*")
                .and().resideOutsideOfPackage(basePackage + ".config")
                .should().dependOnClassesThat().resideInAnyPackage(
                        basePackage + "..web..", basePackage + "..messaging..",
                        "org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.kafka..", "org.apache.kafka..")
                .because("controllers and listeners call the domain, never the other way round");
    }

    private static Optional<String> feature(String basePackage, JavaClass type) {
        String packageName = type.getPackageName();
        if (!packageName.startsWith(basePackage + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        String feature = dot < 0 ? rest : rest.substring(0, dot);
        return NOT_FEATURES.contains(feature) ? Optional.empty() : Optional.of(feature);
    }

    /** Why {@code target} is internal to {@code feature}, or null when it is part of the feature's API. */
    private static String internal(String basePackage, String feature, JavaClass target) {
        String featurePackage = basePackage + "." + feature;
        if (!target.getPackageName().equals(featurePackage)) {
            return "which is inside feature '" + feature + "' (" + target.getPackageName() + ")";
        }
        if (target.isAnnotatedWith("jakarta.persistence.Entity")) {
            return "an entity of feature '" + feature + "'";
        }
        if (target.isAssignableTo("org.springframework.data.repository.Repository")) {
            return "a repository of feature '" + feature + "'";
        }
        if (!isPublic(target)) {
            return "which feature '" + feature + "' does not make public";
        }
        return null;
    }

    private static boolean isPublic(JavaClass type) {
        for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
            if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
