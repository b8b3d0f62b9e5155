package org.assessmentsapi.adapter.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import org.assessmentsapi.adapter.validation.StrictJson;

/**
 * Turns a request body into a JSON tree, refusing what is not strictly JSON: a content coding other than
 * identity or a wrong media type (415), more than {@link #MAX_BYTES} (413), invalid base64 or UTF-8, no JSON
 * value (empty or only whitespace), malformed JSON, duplicate keys or trailing content (400), as
 * {@link StrictJson} reads it.
 */
final class RequestBodies {

    static final int MAX_BYTES = 16 * 1024;
    private static final Pattern UTF8_CHARSET = Pattern.compile(".*charset=\"?utf-8\"?\\s*(;.*)?");

    private RequestBodies() {}

    static JsonNode readJson(HttpRequest request) {
        requireIdentityCoding(request.header("content-encoding"));
        requireJsonMediaType(request.header("content-type"));
        String text = request.base64Encoded() ? decodedText(request.body()) : checkedText(request.body());
        JsonNode tree;
        try {
            tree = StrictJson.read(text);
        } catch (JsonProcessingException e) {
            throw malformed(describe(e));
        }
        if (tree == null) {
            throw malformed("The request body holds only whitespace; send a JSON object.");
        }
        return tree;
    }

    /**
     * The body is read as sent: a content coding (gzip, br...) would have to be undone first, and the API does not
     * (RFC 9110 section 15.5.16: 415 with {@code Accept-Encoding}). {@code identity} means no coding.
     */
    private static void requireIdentityCoding(String contentEncoding) {
        if (contentEncoding != null && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            throw unsupported("Send the body without a content coding (no Content-Encoding, or identity).");
        }
    }

    /** A base64 body: its bytes, within the limits, then strictly decoded as UTF-8. */
    private static String decodedText(String body) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body == null ? "" : body);
        } catch (IllegalArgumentException e) {
            throw malformed("The request body is not valid base64.");
        }
        requireSize(bytes.length);
        return strictUtf8(bytes);
    }

    /**
     * A text body, used as it is once its UTF-8 size is known and within the limits. A String can hold
     * unpaired surrogates, which no UTF-8 byte sequence encodes: such a body is refused, never repaired.
     */
    private static String checkedText(String body) {
        String text = body == null ? "" : body;
        try {
            requireSize(StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text))
                    .remaining());
        } catch (CharacterCodingException e) {
            throw malformed("The request body is not valid UTF-8 text.");
        }
        return text;
    }

    private static void requireSize(long bytes) {
        if (bytes > MAX_BYTES) {
            throw new ProblemException(Problem.of(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is " + bytes + " bytes; the limit is " + MAX_BYTES + " bytes."));
        }
        if (bytes == 0) {
            throw malformed("The request body is empty; send a JSON object.");
        }
    }

    private static void requireJsonMediaType(String contentType) {
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        // A control character (NUL, CR, LF...) has no place in a header value: refuse it rather than trim it away.
        boolean json = mediaType.equals("application/json") && !hasControl(contentType);
        String lowerCase = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean utf8 = !lowerCase.contains("charset=")
                || UTF8_CHARSET.matcher(lowerCase).matches();
        if (!json || !utf8) {
            throw unsupported("Send the body as 'Content-Type: application/json' (UTF-8).");
        }
    }

    /** A 415 names both what the API accepts: the media type and the (absent) content coding. */
    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail)
                .withHeader("Accept", "application/json")
                .withHeader("Accept-Encoding", "identity"));
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F);
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("The request body is not valid UTF-8 text.");
        }
    }

    /** Says what is wrong and where, without echoing any of the client's input back. */
    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return "The request body has the same field twice" + where + ".";
        }
        if (message.contains("nesting depth")) {
            return "The request body is nested too deeply" + where + ".";
        }
        return "The request body is not valid JSON" + where + ".";
    }

    private static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(ProblemType.MALFORMED_BODY, detail));
    }
}
