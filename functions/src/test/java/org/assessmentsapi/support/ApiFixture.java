package org.assessmentsapi.support;

import java.util.Optional;
import org.assessmentsapi.contract.ContractCheckedHandler;
import org.assessmentsapi.devkit.DevIssuer;
import org.assessmentsapi.domain.Assessment;

/** What a handler test runs against: an issuer of real signed tokens, the API handler, and its store. */
public interface ApiFixture {

    DevIssuer issuer();

    /** The API handler, every response of which is checked against docs/openapi.yaml. */
    ContractCheckedHandler handler();

    /** The assessment as the handler's store holds it now (a consistent read). */
    Optional<Assessment> stored(String id);
}
