package org.assessmentsapi.local;

import java.util.Map;

/** The local API for one test class (free port, own dynalite, development issuer), HTTP to it, and a user's token. */
final class RunningLocalApi implements AutoCloseable {

    final LocalApi api;
    final Http http;
    final String token;

    RunningLocalApi(String user) {
        this.api = LocalApi.start(LocalOptions.ephemeral(Map.of()));
        this.http = new Http(api.baseUri());
        this.token = api.mintToken(user);
    }

    int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
    }
}
