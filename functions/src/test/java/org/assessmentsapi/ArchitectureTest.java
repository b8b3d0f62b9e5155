package org.assessmentsapi;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
 * {@code adapter.logging}; {@code bootstrap} is the one place that builds and connects the parts.
 */
class ArchitectureTest {

    private static final String DOMAIN = "org.assessmentsapi.domain..";
    private static final String APPLICATION = "org.assessmentsapi.application..";
    private static final String ADAPTER = "org.assessmentsapi.adapter..";
    private static final String BOOTSTRAP = "org.assessmentsapi.bootstrap..";
    /** Adapters every adapter may use: the one input judge and the one log. */
    private static final Set<String> SHARED_ADAPTERS = Set.of("validation", "logging");
    /** The other adapters an adapter may use besides the shared ones: the HTTP API checks tokens. */
    private static final Map<String, Set<String>> ADAPTER_USES = Map.of(
            "http", Set.of("auth"), "events", Set.of(), "auth", Set.of(), "dynamodb", Set.of(),
            "validation", Set.of(), "logging", Set.of());

    /**
     * Start-up code that still lives inside the adapters (warm-up, SnapStart priming, the handlers' wiring
     * through {@code bootstrap.Application}): the only classes exempt from the rules on {@code bootstrap}
     * below, until they move there.
     */
    private static final DescribedPredicate<JavaClass> START_UP_IN_ADAPTERS = describe("start-up code in the adapters",
            type -> List.of("adapter.http.LambdaStartup", "adapter.http.WarmUpHttpClient", "adapter.http.SnapStartPriming",
                    "adapter.http.ApiHandler", "adapter.http.AssessmentRoutes", "adapter.events.EventsSnapStartPriming",
                    "adapter.events.AssessmentEventsHandler").stream()
                    .anyMatch(name -> type.getName().equals("org.assessmentsapi." + name)
                            || type.getName().startsWith("org.assessmentsapi." + name + "$")));

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.assessmentsapi.domain", "org.assessmentsapi.application", "org.assessmentsapi.adapter",
                    "org.assessmentsapi.bootstrap");

    @Test
    void theDomainDependsOnTheJdkOnly() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .check(CLASSES);
    }

    @Test
    void theApplicationDependsOnTheDomainOnly() {
        classes().that().resideInAPackage(APPLICATION)
                .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotDependOnTheBootstrap() {
        noClasses().that().resideInAPackage(ADAPTER).and(not(START_UP_IN_ADAPTERS))
                .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
                .check(CLASSES);
    }

    @Test
    void adaptersUseOnlyTheSharedAdaptersAndTheirOwn() {
        ADAPTER_USES.forEach((adapter, uses) -> {
            List<String> allowed = new java.util.ArrayList<>(SHARED_ADAPTERS);
            allowed.addAll(uses);
            allowed.add(adapter);
            noClasses().that().resideInAPackage("org.assessmentsapi.adapter." + adapter + "..")
                    .should().dependOnClassesThat(resideInAPackage(ADAPTER).and(not(resideInAnyPackage(
                            allowed.stream().map(name -> "org.assessmentsapi.adapter." + name + "..").toArray(String[]::new)))))
                    .check(CLASSES);
        });
        // Every adapter the rule knows exists, and every existing adapter is known to the rule.
        assertAdapterPackages(ADAPTER_USES.keySet());
    }

    @Test
    void onlyTheBootstrapBuildsTheUseCasesTheRepositoryTheAuthenticatorAndTheHandlers() {
        noClasses().that().resideOutsideOfPackage(BOOTSTRAP).and(not(START_UP_IN_ADAPTERS))
                .should().callConstructorWhere(OF_A_COMPOSED_PART_FROM_ANOTHER_CLASS)
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.assessmentsapi.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * What the composition root connects: the use cases (the application's classes that are neither values nor
     * the port), the repository implementations, the token authenticator and the Lambda handlers.
     */
    private static final DescribedPredicate<JavaClass> COMPOSED_PARTS = describe("parts the bootstrap composes", type ->
            (type.getPackageName().equals("org.assessmentsapi.application") && !type.isInterface()
                    && !type.isAssignableTo(Record.class) && !type.isAssignableTo(Throwable.class)
                    && type.getEnclosingClass().isEmpty())
                    || (!type.isInterface() && type.isAssignableTo(AssessmentRepository.class))
                    || type.isEquivalentTo(JwtAuthenticator.class)
                    || type.getName().equals("org.assessmentsapi.adapter.http.ApiHandler")
                    || type.getName().equals("org.assessmentsapi.adapter.events.AssessmentEventsHandler"));

    /** A constructor delegating to another of its class ({@code this(...)}) is no wiring. */
    private static final DescribedPredicate<JavaConstructorCall> OF_A_COMPOSED_PART_FROM_ANOTHER_CLASS = describe(
            "the target is a part the bootstrap composes, called from another class",
            call -> COMPOSED_PARTS.test(call.getTargetOwner()) && !call.getOriginOwner().equals(call.getTargetOwner()));

    private static void assertAdapterPackages(Set<String> known) {
        Set<String> present = new java.util.TreeSet<>();
        for (JavaClass type : CLASSES) {
            String name = type.getPackageName();
            if (name.startsWith("org.assessmentsapi.adapter.")) {
                present.add(name.substring("org.assessmentsapi.adapter.".length()).split("\\.")[0]);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(known), present,
                "the adapter packages and the rule's table of them");
    }
}
