package org.assessmentsapi.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A text body's size is its length in UTF-8 (413 above the limit in bytes), a body with an unpaired surrogate,
 * which no UTF-8 byte sequence encodes, is refused, and so is one of only whitespace, like an empty one.
 */
class RequestBodiesTest {

    private static final String[] PIECES = {"a", "é", "€", "\uD83D\uDE00", "\uD800", "\uDC00", "\"", "{", "}", " "};

    @Test
    void sizesAndUnpairedSurrogatesAreJudgedAsByTheStrictEncoder() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                body.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertEquals(expected(body.toString()), actual(body.toString()), body::toString);
        }
        String large = "{\"name\":\"" + "€".repeat(5_458) + "\"}"; // 10 + 16,374 bytes: just above the limit
        assertEquals(expected(large), actual(large));
        assertEquals("413", actual(large).substring(0, 3));
        String atLimit = "{\"name\":\"" + "€".repeat(5_458) + "\"}".substring(1); // 16,384 bytes, not JSON
        assertEquals(expected(atLimit), actual(atLimit));
    }

    private static String actual(String body) {
        HttpRequest request = new HttpRequest(
                "PUT /api/assessments/{id}", Map.of("content-type", "application/json"), body, false, null, null, null);
        try {
            RequestBodies.readJson(request);
            return "parsed";
        } catch (ProblemException e) {
            String detail = e.problem().detail();
            return e.problem().type().status()
                    + (detail.contains("UTF-8") || detail.contains("bytes") || detail.contains("empty")
                            ? " " + detail
                            : " other");
        }
    }

    @Test
    void aBodyOfOnlyJsonWhitespaceIsMalformedLikeAnEmptyOne() {
        for (String body : new String[] {" ", "\t\r\n ", " ".repeat(16_384)}) {
            ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    ProblemException.class, () -> RequestBodies.readJson(put(body, Map.of())));
            assertEquals(ProblemType.MALFORMED_BODY, refused.problem().type());
            assertEquals(
                    "The request body holds only whitespace; send a JSON object.",
                    refused.problem().detail());
        }
    }

    @Test
    void aContentCodingOtherThanIdentityIs415WithAcceptEncoding() {
        for (String coding : new String[] {"gzip", "br", "deflate", "x-gzip", "gzip, identity", "identity, gzip", ""}) {
            ProblemException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    ProblemException.class,
                    () -> RequestBodies.readJson(put("{\"progress\":1}", Map.of("content-encoding", coding))),
                    coding);
            assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, refused.problem().type(), coding);
            assertEquals("identity", refused.problem().headers().get("Accept-Encoding"), coding);
            assertEquals("application/json", refused.problem().headers().get("Accept"), coding);
        }
        for (String identity : new String[] {"identity", "IDENTITY", " identity "}) {
            assertEquals(
                    1,
                    RequestBodies.readJson(put("{\"progress\":1}", Map.of("content-encoding", identity)))
                            .get("progress")
                            .intValue());
        }
    }

    private static HttpRequest put(String body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("content-type", "application/json");
        return new HttpRequest("PUT /api/assessments/{id}", all, body, false, null, null, null);
    }

    /** What the strict encoder said before the JSON parser ran; "parsed" or "other" from the parser's own answers. */
    private static String expected(String body) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(body));
            int size = bytes.remaining();
            if (size > RequestBodies.MAX_BYTES) {
                return "413 The request body is " + size + " bytes; the limit is " + RequestBodies.MAX_BYTES
                        + " bytes.";
            }
            if (size == 0) {
                return "400 The request body is empty; send a JSON object.";
            }
        } catch (CharacterCodingException e) {
            return "400 The request body is not valid UTF-8 text.";
        }
        try {
            return org.assessmentsapi.adapter.validation.StrictJson.read(body) == null ? "400 other" : "parsed";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "400 other";
        }
    }
}
