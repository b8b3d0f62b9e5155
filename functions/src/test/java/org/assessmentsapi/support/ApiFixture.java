package org.assessmentsapi.support;

import java.util.Optional;
import org.assessmentsapi.application.AssessmentRepository;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.domain.Assessment;

/**
 * What a handler test runs against: an issuer of real signed tokens, the API handler (every response of which is
 * checked against docs/openapi.yaml), and the store behind it.
 */
public record ApiFixture(DevIssuer issuer, ContractCheckedHandler handler, AssessmentRepository repository) {

    /** The assessment as the store holds it now (a consistent read). */
    public Optional<Assessment> stored(String id) {
        return repository.find(id);
    }
}
