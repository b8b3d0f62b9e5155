package org.assessmentsapi.support;

import java.time.Clock;
import java.util.Optional;
import org.assessmentsapi.adapter.auth.JwksSources;
import org.assessmentsapi.bootstrap.JwtConfig;
import org.assessmentsapi.bootstrap.Wiring;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.contract.ContractChecker;
import org.assessmentsapi.contract.OpenApiDocument;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.domain.Assessment;

/**
 * The API handler wired as on Lambda, on the in-memory repository, with a development issuer and its JWKS over
 * HTTP: for handler tests that need no real store (no Node, no dynalite). One for the whole test JVM; every test
 * works on assessments it creates itself.
 */
public final class InMemoryApi implements ApiFixture {

    private static InMemoryApi instance;

    private final DevIssuer issuer = DevIssuer.start();
    private final InMemoryAssessmentRepository repository = new InMemoryAssessmentRepository();
    private final ContractCheckedHandler handler = new ContractCheckedHandler(
            Wiring.api(new JwtConfig(issuer.issuer(), issuer.audience(), issuer.jwksUrl()), repository,
                    JwksSources.remote(issuer.jwksUrl()), Clock.systemUTC()),
            new ContractChecker(OpenApiDocument.get()));

    private InMemoryApi() {
        Runtime.getRuntime().addShutdownHook(new Thread(issuer::close));
    }

    public static synchronized InMemoryApi get() {
        if (instance == null) {
            instance = new InMemoryApi();
        }
        return instance;
    }

    @Override
    public DevIssuer issuer() {
        return issuer;
    }

    @Override
    public ContractCheckedHandler handler() {
        return handler;
    }

    @Override
    public Optional<Assessment> stored(String id) {
        return repository.find(id);
    }
}
