package org.assessmentsapi;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assessmentsapi.adapter.auth.JwtAuthenticator;
import org.assessmentsapi.application.AssessmentRepository;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the layers, on the function's production classes. Dependencies point inward:
 * {@code domain} needs nothing but the JDK, {@code application} (the use cases and the repository port) only
 * the domain, each adapter the application, the domain and the shared {@code adapter.validation} and
 * {@code adapter.logging} and {@code adapter.lambda}; {@code bootstrap} is the one place that builds and connects
 * the parts.
 */
class ArchitectureTest {

    private static final String DOMAIN = "org.assessmentsapi.domain..";
    private static final String APPLICATION = "org.assessmentsapi.application..";
    private static final String ADAPTER = "org.assessmentsapi.adapter..";
    private static final String BOOTSTRAP = "org.assessmentsapi.bootstrap..";
    /** Adapters every adapter may use: the one input judge, the one log, the Lambda event JSON reader. */
    private static final Set<String> SHARED_ADAPTERS = Set.of("validation", "logging", "lambda");
    /** The other adapters an adapter may use besides the shared ones: the HTTP API checks tokens. */
    private static final Map<String, Set<String>> ADAPTER_USES = Map.of(
            "http",
            Set.of("auth"),
            "events",
            Set.of(),
            "auth",
            Set.of(),
            "dynamodb",
            Set.of(),
            "validation",
            Set.of(),
            "logging",
            Set.of(),
            "lambda",
            Set.of(),
            "cursors",
            Set.of());

    /**
     * The Lambda runtime creates a handler by its class name with its no-arg constructor, which asks the
     * composition root for the handler's parts: the one dependency of an adapter on {@code bootstrap}.
     */
    private static final DescribedPredicate<JavaClass> LAMBDA_ENTRY_POINTS = describe(
            "the Lambda entry points",
            type -> type.getName().equals("org.assessmentsapi.adapter.http.ApiHandler")
                    || type.getName().equals("org.assessmentsapi.adapter.events.AssessmentEventsHandler"));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                    "org.assessmentsapi.domain",
                    "org.assessmentsapi.application",
                    "org.assessmentsapi.adapter",
                    "org.assessmentsapi.bootstrap");

    @Test
    void theDomainDependsOnTheJdkOnly() {
        classes()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(DOMAIN, "java..")
                .check(CLASSES);
    }

    @Test
    void theApplicationDependsOnTheDomainOnly() {
        classes()
                .that()
                .resideInAPackage(APPLICATION)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotDependOnTheBootstrap() {
        noClasses()
                .that()
                .resideInAPackage(ADAPTER)
                .and(not(LAMBDA_ENTRY_POINTS))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BOOTSTRAP)
                .check(CLASSES);
    }

    @Test
    void theLambdaEntryPointsReachTheBootstrapFromTheirNoArgConstructorOnly() {
        classes()
                .that(LAMBDA_ENTRY_POINTS)
                .should(new ArchCondition<>("reach bootstrap from their no-arg constructor only") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        Set<JavaClass> calledByTheConstructor = new java.util.HashSet<>();
                        for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                            boolean toBootstrap =
                                    access.getTargetOwner().getPackageName().startsWith("org.assessmentsapi.bootstrap");
                            boolean fromNoArgConstructor = access.getOrigin() instanceof JavaConstructor constructor
                                    && constructor.getRawParameterTypes().isEmpty();
                            if (toBootstrap && fromNoArgConstructor) {
                                calledByTheConstructor.add(access.getTargetOwner());
                            } else if (toBootstrap) {
                                events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                            }
                        }
                        for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            if (target.getPackageName().startsWith("org.assessmentsapi.bootstrap")
                                    && !calledByTheConstructor.contains(target)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void adaptersUseOnlyTheSharedAdaptersAndTheirOwn() {
        ADAPTER_USES.forEach((adapter, uses) -> {
            List<String> allowed = new java.util.ArrayList<>(SHARED_ADAPTERS);
            allowed.addAll(uses);
            allowed.add(adapter);
            noClasses()
                    .that()
                    .resideInAPackage("org.assessmentsapi.adapter." + adapter + "..")
                    .should()
                    .dependOnClassesThat(resideInAPackage(ADAPTER)
                            .and(not(resideInAnyPackage(allowed.stream()
                                    .map(name -> "org.assessmentsapi.adapter." + name + "..")
                                    .toArray(String[]::new)))))
                    .check(CLASSES);
        });
        // Every adapter the rule knows exists, and every existing adapter is known to the rule.
        assertAdapterPackages(ADAPTER_USES.keySet());
    }

    @Test
    void onlyTheBootstrapBuildsTheUseCasesTheRepositoryTheAuthenticatorAndTheHandlers() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BOOTSTRAP)
                .should()
                .callConstructorWhere(OF_A_COMPOSED_PART_FROM_ANOTHER_CLASS)
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.assessmentsapi.(**)")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(LAMBDA_ENTRY_POINTS, resideInAPackage(BOOTSTRAP))
                .check(CLASSES);
    }

    /**
     * What the composition root connects: the use cases (the application's classes that are neither values nor
     * the port), the repository implementations, the token authenticator and the Lambda handlers.
     */
    private static final DescribedPredicate<JavaClass> COMPOSED_PARTS = describe(
            "parts the bootstrap composes",
            type -> (type.getPackageName().equals("org.assessmentsapi.application")
                            && !type.isInterface()
                            && !type.isAssignableTo(Record.class)
                            && !type.isAssignableTo(Throwable.class)
                            && type.getEnclosingClass().isEmpty())
                    || (!type.isInterface() && type.isAssignableTo(AssessmentRepository.class))
                    || type.isEquivalentTo(JwtAuthenticator.class)
                    || type.getName().equals("org.assessmentsapi.adapter.http.ApiHandler")
                    || type.getName().equals("org.assessmentsapi.adapter.events.AssessmentEventsHandler"));

    /** A constructor delegating to another of its class ({@code this(...)}) is no wiring. */
    private static final DescribedPredicate<JavaConstructorCall> OF_A_COMPOSED_PART_FROM_ANOTHER_CLASS = describe(
            "the target is a part the bootstrap composes, called from another class",
            call -> COMPOSED_PARTS.test(call.getTargetOwner())
                    && !call.getOriginOwner().equals(call.getTargetOwner()));

    private static void assertAdapterPackages(Set<String> known) {
        Set<String> present = new java.util.TreeSet<>();
        for (JavaClass type : CLASSES) {
            String name = type.getPackageName();
            if (name.startsWith("org.assessmentsapi.adapter.")) {
                present.add(
                        name.substring("org.assessmentsapi.adapter.".length()).split("\\.")[0]);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(
                new java.util.TreeSet<>(known), present, "the adapter packages and the rule's table of them");
    }
}
