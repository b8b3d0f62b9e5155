package org.assessmentsapi.support;

import java.time.Clock;
import java.util.Map;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.bootstrap.AppConfig;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.DevIssuer;

/**
 * The API handler wired as on Lambda, on the in-memory repository, with a development issuer and its JWKS over
 * HTTP: for handler tests that need no real store (no Node, no dynalite). One for the whole test JVM; every test
 * works on assessments it creates itself.
 */
public final class InMemoryApi {

    private static ApiFixture instance;

    private InMemoryApi() {}

    public static synchronized ApiFixture get() {
        if (instance == null) {
            DevIssuer issuer = DevIssuer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close));
            InMemoryAssessmentRepository repository = new InMemoryAssessmentRepository();
            instance = new ApiFixture(
                    issuer,
                    ContractCheckedHandler.ofTheDocument(Wiring.api(
                            AppConfig.fromEnvironment(Map.of(
                                    "JWT_ISSUER",
                                    issuer.issuer(),
                                    "JWT_AUDIENCE",
                                    issuer.audience(),
                                    "JWKS_URL",
                                    issuer.jwksUrl().toString())),
                            repository,
                            JwksSources.remote(issuer.jwksUrl()),
                            Clock.systemUTC())),
                    repository);
        }
        return instance;
    }
}
