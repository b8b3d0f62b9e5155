package org.assessmentsapi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The documentation pages of a local runner with the development issuer, over real HTTP. */
class DocsHttpTest {

    private static final Pattern DEV_TOKEN = Pattern.compile("<meta name=\"dev-token\" content=\"([^\"]+)\">");
    private static LocalApi api;
    private static Http http;

    @BeforeAll
    static void start() {
        api = LocalApi.start(LocalOptions.ephemeral(Map.of()));
        http = new Http(api.baseUri());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void thePageCarriesATokenOfThePrintedUserThatTheApiAccepts() {
        HttpResponse<String> page = http.send("GET", DocsPages.PAGE_PATH, null, null, null);

        assertEquals(200, page.statusCode(), page.body());
        assertEquals(Optional.of("no-store"), page.headers().firstValue("Cache-Control"));
        assertEquals(
                Optional.of(DocsPages.CONTENT_SECURITY_POLICY), page.headers().firstValue("Content-Security-Policy"));
        Matcher token = DEV_TOKEN.matcher(page.body());
        assertTrue(token.find(), page.body());
        String id = http.create(token.group(1));
        HttpResponse<String> read = http.json("GET", "/api/assessments/" + id, api.mintToken(LocalApi.DEV_USER), null);
        assertEquals(200, read.statusCode(), "the page's token is " + LocalApi.DEV_USER + "'s: " + read.body());
    }

    @Test
    void headAnswersThePageHeadersWithoutABody() {
        HttpResponse<String> head = http.send("HEAD", DocsPages.PAGE_PATH, null, null, null);

        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(Optional.of("no-store"), head.headers().firstValue("Cache-Control"));
    }

    @Test
    void theDocumentIsServedAsYaml() {
        HttpResponse<String> document = http.send("GET", DocsPages.DOCUMENT_PATH, null, null, null);

        assertEquals(200, document.statusCode());
        assertEquals(Optional.of("application/yaml"), document.headers().firstValue("Content-Type"));
        assertTrue(document.body().startsWith("openapi: 3.1"), document.body());
    }

    @Test
    void otherMethodsAreRefusedWithAProblem() {
        HttpResponse<String> post = http.json("POST", DocsPages.PAGE_PATH, null, "{}");

        Http.assertProblem(post, 405);
        assertEquals(Optional.of("GET, HEAD"), post.headers().firstValue("Allow"));
    }

    @Test
    void theBannerPrintsTheLink() {
        assertTrue(api.banner().contains("http://localhost:" + api.port() + "/docs "), api.banner());
    }
}
