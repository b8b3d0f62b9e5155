package org.assessmentsapi.adapter.http;

import java.util.Map;

/**
 * Success answers for adapters in front of the handler (the local runner's token endpoint), with the headers
 * every answer of the handler carries, so that they are set in one place ({@link HttpResponse#json}).
 */
public final class JsonResponses {

    private JsonResponses() {}

    /** 200 with an {@code application/json} body, as the API Gateway v2 response JSON the handler writes. */
    public static byte[] ok(String body) {
        return HttpResponse.json(200, "application/json", body, Map.of()).toJson();
    }
}
