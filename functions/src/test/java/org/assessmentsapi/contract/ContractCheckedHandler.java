package org.assessmentsapi.contract;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import org.assessmentsapi.support.LambdaInvocations;

/**
 * The API handler as tests get it: every response is held to docs/openapi.yaml before the test sees
 * it, and any departure fails the test there and then. Handler tests therefore check the contract
 * without asking for it, and the document cannot drift from the code. The handler is invoked through its stream
 * entry point, as on Lambda ({@link LambdaInvocations}).
 */
public final class ContractCheckedHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final RequestStreamHandler handler;
    private final ContractChecker checker;

    public ContractCheckedHandler(RequestStreamHandler handler, ContractChecker checker) {
        this.handler = handler;
        this.checker = checker;
    }

    /** {@code handler}, checked against docs/openapi.yaml. */
    public static ContractCheckedHandler ofTheDocument(RequestStreamHandler handler) {
        return new ContractCheckedHandler(handler, new ContractChecker(OpenApiDocument.get()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPResponse response = LambdaInvocations.invoke(handler, event, context);
        List<String> violations = checker.violations(event, response);
        if (!violations.isEmpty()) {
            throw new AssertionError("The response breaks docs/openapi.yaml:\n  " + String.join("\n  ", violations)
                    + "\nbody: " + response.getBody());
        }
        return response;
    }
}
