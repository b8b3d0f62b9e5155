package org.assessmentsapi.devkit.hostile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * A seeded generator of requests that the API must refuse with a 4xx: the same seed gives the same
 * sequence, so a failure is reproduced by its seed and index. Every request targets one existing
 * assessment ({@code ownedId}), the collection, or ids that are not valid, and none of them may change
 * anything: each is invalid in at least one way the API checks before writing (body, media type, id,
 * method, query, cursor, idempotency key, precondition), or carries a stale {@code version}.
 *
 * <p>The generator only knows the API's public contract (field names, limits, media type), not its code.
 */
public final class HostileRequests {

    /** Text fields of an update, with their maximum length in code points. */
    private static final Map<String, Integer> TEXT_LIMITS = Map.of("name", 200, "companyName", 200, "companyType", 100);
    /** Fields the server owns or that an update may not set. */
    private static final List<String> FORBIDDEN = List.of(
            "id",
            "userId",
            "createdAt",
            "updatedAt",
            "country",
            "intakeMode",
            "overallRiskScore",
            "overallRiskLevel",
            "__proto__",
            "constructor",
            "Name",
            "progress ",
            "");

    private static final List<String> WRONG_TYPES = List.of(
            "true",
            "false",
            "[]",
            "{}",
            "[1,2]",
            "{\"a\":1}",
            "\"\"",
            "0",
            "-1",
            "101",
            "1e400",
            "-1e400",
            "1e-400",
            "\"NaN\"",
            "\"Infinity\"",
            "\"50\"",
            "12345678901234567890123",
            "0.12345678901",
            "\"ANALYZING \"",
            "\"analyzing\"");
    private static final List<String> FIELDS =
            List.of("name", "companyName", "companyType", "status", "progress", "version");
    private static final List<String> BAD_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=iso-8859-1",
            "application/json; charset=utf-16",
            "application/jsonp",
            "json",
            "*/*",
            "application/problem+json",
            "application/json-patch+json",
            "");
    private static final List<String> BAD_IDS = List.of(
            "not-a-uuid",
            "..",
            "..%2F..%2Fetc%2Fpasswd",
            "%00",
            "3f1c2b9e8a4d4c1e9b7a2d5e6f7a8b9c",
            "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9",
            "3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9cc",
            "{3f1c2b9e-8a4d-4c1e-9b7a-2d5e6f7a8b9c}",
            "' OR '1'='1",
            "$ne",
            "<script>",
            "1",
            "null",
            "g" + "0".repeat(35));
    /** Methods no route serves: methods are case-sensitive, so {@code put} is no {@code PUT} (HEAD is served). */
    private static final List<String> BAD_METHODS =
            List.of("PATCH", "OPTIONS", "TRACE", "CONNECT", "PUTS", "GETS", "DELET", "put", "Put", "delete", "pUT");
    /** Paths API Gateway matches to no route: a trailing slash, an extra or empty segment (after the collection). */
    private static final List<String> UNROUTED_SUFFIXES = List.of("/", "//", "/x", "/.", "/..", "/%2F");
    /** Content codings other than identity, and lists that hold one. */
    private static final List<String> CONTENT_CODINGS = List.of(
            "gzip", "br", "deflate", "compress", "zstd", "x-gzip", "GZIP", "gzip, identity", "identity, br", "");
    /** Texts of only Unicode White_Space (each a blank name), as JSON escapes: Java's isBlank misses the first three. */
    private static final List<String> BLANK_TEXTS = List.of(
            "\\u00a0",
            "\\u2007",
            "\\u202f",
            "\\u1680",
            "\\u2000\\u200a",
            "\\u2028",
            "\\u2029",
            "\\u205f",
            "\\u3000",
            " \\u00a0 ");
    /** Query strings of the list that break its rules: unknown, repeated, out of range, badly escaped. */
    private static final List<String> BAD_QUERIES = List.of(
            "limit=0",
            "limit=101",
            "limit=-5",
            "limit=abc",
            "limit=1e2",
            "limit=",
            "limit=020",
            "limit=20&limit=20",
            "limit=1&limit=2",
            "status=draft",
            "status=DONE",
            "status=",
            "status=DRAFT,COMPLETE",
            "status=DRAFT&status=draft",
            "cursor=",
            "cursor=a&cursor=b",
            "sort=updatedAt",
            "limit=10&offset=5",
            "LIMIT=10",
            "%zz=1",
            "limit=%zz",
            "limit=%E9",
            "status=%C3%28",
            "cursor=%FF",
            "__proto__=1",
            "limit=10&status=DRAFT&page=2",
            "limit=99999999999999999999",
            "limit=%31%30%31");
    /** If-Match/If-None-Match of a DELETE that can never delete the item, which is at version 1. */
    private static final List<Map.Entry<String, String>> BAD_DELETE_CONDITIONS = List.of(
            Map.entry("if-match", "\"2\""),
            Map.entry("if-match", "\"999999\""),
            Map.entry("if-match", "W/\"1\""),
            Map.entry("if-match", "\"1\", \"2\""),
            Map.entry("if-match", "1"),
            Map.entry("if-match", "\"01\""),
            Map.entry("if-match", "\"\""),
            Map.entry("if-none-match", "*"),
            Map.entry("if-none-match", "\"1\""));
    /** Idempotency-Key values that are no short opaque string (quoted or bare). */
    private static final List<String> BAD_IDEMPOTENCY_KEYS = List.of(
            "\"\"",
            "\"",
            "x".repeat(129),
            "\"" + "y".repeat(129) + "\"",
            "two words",
            "a,b",
            "\"a,b\"",
            "\"a\\\"b\"",
            "\"back\\slash\"",
            "tab\there",
            "caf\u00e9",
            "\"unterminated");
    /** Header values that try to split a response or smuggle a header. */
    private static final List<String> INJECTIONS = List.of(
            "\r\nSet-Cookie: session=stolen",
            "\nLocation: https://evil.example/",
            "\r\n\r\n<html>",
            "%0d%0aSet-Cookie:%20a=b",
            "\u0000",
            "\u2028X-Injected: 1");

    private final Random random;
    private final String ownedId;
    private final List<Generator> generators = List.of(
            new Generator("malformed-json", this::malformedJson),
            new Generator("truncated-json", this::truncatedJson),
            new Generator("deep-nesting", this::deepNesting),
            new Generator("huge-string", this::hugeString),
            new Generator("huge-number", this::hugeNumber),
            new Generator("wrong-type", this::wrongType),
            new Generator("null-value", this::nullValue),
            new Generator("duplicate-key", this::duplicateKey),
            new Generator("forbidden-field", this::forbiddenField),
            new Generator("invalid-utf8", this::invalidUtf8),
            new Generator("lone-surrogate", this::loneSurrogate),
            new Generator("control-character", this::controlCharacter),
            new Generator("oversized-body", this::oversizedBody),
            new Generator("bad-content-type", this::badContentType),
            new Generator("bad-id", this::badId),
            new Generator("bad-method", this::badMethod),
            new Generator("header-injection", this::headerInjection),
            new Generator("not-an-object", this::notAnObject),
            new Generator("stale-version", this::staleVersion),
            new Generator("bad-create", this::badCreate),
            new Generator("bad-query", this::badQuery),
            new Generator("bad-cursor", this::badCursor),
            new Generator("bad-delete", this::badDelete),
            new Generator("bad-idempotency-key", this::badIdempotencyKey),
            new Generator("unrouted-path", this::unroutedPath),
            new Generator("content-coding", this::contentCoding),
            new Generator("blank-text", this::blankText));

    /** @param ownedId an assessment that the requests' sender owns, at version 1 */
    public HostileRequests(long seed, String ownedId) {
        this.random = new Random(seed);
        this.ownedId = ownedId;
    }

    /** The categories, in the order {@link #next()} cycles through them. */
    public List<String> kinds() {
        return generators.stream().map(Generator::kind).toList();
    }

    /** The {@code index}-th request of the sequence: categories in turn, each with random content. */
    public HostileRequest next(int index) {
        Generator generator = generators.get(index % generators.size());
        return generator.make().apply(generator.kind());
    }

    private record Generator(String kind, Function<String, HostileRequest> make) {}

    // ---- the categories -------------------------------------------------------------------------------

    private HostileRequest malformedJson(String kind) {
        String valid = validBody();
        char[] chars = valid.toCharArray();
        // Replace one structural character, or add junk: always breaks the JSON.
        int mutation = random.nextInt(6);
        String body = switch (mutation) {
            case 0 -> valid.replaceFirst(":", "=");
            case 1 -> valid.replaceFirst(",", ",,");
            case 2 -> valid + pick("}", "]", ",", "x", "{}", "null");
            case 3 -> "{" + valid;
            case 4 -> valid.replace("\"", "'");
            default -> {
                chars[0] = pickChar('[', '(', '<', 'x');
                yield new String(chars);
            }
        };
        return put(kind, body);
    }

    private HostileRequest truncatedJson(String kind) {
        String valid = validBody();
        return put(kind, valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
    }

    private HostileRequest deepNesting(String kind) {
        int depth = pickInt(100, 999, 1_001, 5_000, 2 + random.nextInt(3_000));
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        String field = pick("name", "progress", "nested", "status");
        return put(kind, "{\"" + field + "\":" + nested + "}");
    }

    private HostileRequest hugeString(String kind) {
        String field = pick("name", "companyName", "companyType");
        int length = TEXT_LIMITS.get(field) + 1 + random.nextInt(4_000);
        String character = pick("a", "é", "\uD83D\uDE00", "\u4E2D", " ");
        return put(kind, "{\"" + field + "\":\"" + character.repeat(length) + "\"}");
    }

    private HostileRequest hugeNumber(String kind) {
        String value = pick(
                "1e400",
                "-1e400",
                "1E+400",
                "1e-400",
                "-0.0000000000001",
                "100.0000000001",
                "9".repeat(400),
                "0." + "0".repeat(500) + "1",
                "NaN",
                "-NaN",
                "Infinity",
                "-Infinity",
                "+1",
                "01",
                "1.",
                ".5",
                "0x10",
                "1_000",
                "--1");
        String field = pick("progress", "version");
        // -0 is a valid progress (it is 0), so it appears only as a version, which must be at least 1.
        if (random.nextInt(10) == 0) {
            return put(kind, "{\"version\":-0,\"progress\":1}");
        }
        return put(kind, "{\"" + field + "\":" + value + "}");
    }

    private HostileRequest wrongType(String kind) {
        String field = pick(FIELDS);
        String value = pick(WRONG_TYPES);
        while (isAcceptable(field, value)) {
            value = pick(WRONG_TYPES);
        }
        return put(kind, "{\"" + field + "\":" + value + (field.equals("progress") ? "}" : ",\"progress\":10}"));
    }

    private HostileRequest nullValue(String kind) {
        return put(kind, "{\"" + pick(FIELDS) + "\":null" + (random.nextBoolean() ? ",\"progress\":5}" : "}"));
    }

    private HostileRequest duplicateKey(String kind) {
        String field = pick("name", "progress", "status", "version");
        String value = field.equals("name") || field.equals("status") ? "\"ANALYZING\"" : "1";
        return put(kind, "{\"" + field + "\":" + value + ",\"companyType\":\"x\",\"" + field + "\":" + value + "}");
    }

    private HostileRequest forbiddenField(String kind) {
        String field = pick(FORBIDDEN);
        return put(kind, "{\"progress\":7,\"" + field + "\":" + pick("\"x\"", "1", "true", "{}") + "}");
    }

    private HostileRequest invalidUtf8(String kind) {
        byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF},
            {(byte) 0xFE, (byte) 0xFF},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
        };
        byte[] middle = bad[random.nextInt(bad.length)];
        byte[] suffix = "x\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + middle.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(middle, 0, body, prefix.length, middle.length);
        System.arraycopy(suffix, 0, body, prefix.length + middle.length, suffix.length);
        return new HostileRequest(kind, "PUT", ownedId, jsonHeaders(), null, body);
    }

    private HostileRequest loneSurrogate(String kind) {
        String field = pick("name", "companyName", "companyType");
        String surrogate = pick("\uD800", "\uDFFF", "\uDBFF", "\uDC00");
        // Either escaped in the JSON (valid JSON text, invalid Unicode) or raw in the body (not encodable).
        String value = random.nextBoolean() ? "\\u" + Integer.toHexString(surrogate.charAt(0)) + "x" : surrogate + "x";
        return put(kind, "{\"" + field + "\":\"" + value + "\"}");
    }

    private HostileRequest controlCharacter(String kind) {
        String field = pick("name", "companyName", "companyType");
        int code = pickInt(0, 1, 7, 8, 9, 10, 13, 27, 31, 127, 0x85, 0x9F);
        // Escaped: valid JSON that the field rules must refuse; raw: JSON itself forbids it (below 0x20).
        String character = random.nextBoolean() ? String.format("\\u%04x", code) : String.valueOf((char) code);
        if (code >= 0x20 && !character.startsWith("\\")) {
            character = String.format("\\u%04x", code);
        }
        return put(kind, "{\"" + field + "\":\"ab" + character + "cd\"}");
    }

    private HostileRequest oversizedBody(String kind) {
        int size = 16 * 1024 + 1 + random.nextInt(200_000);
        String body = random.nextBoolean()
                ? "{\"progress\":1" + " ".repeat(size) + "}"
                : "{\"name\":\"" + "x".repeat(size) + "\"}";
        return put(kind, body);
    }

    private HostileRequest badContentType(String kind) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (random.nextInt(6) > 0) {
            headers.put("content-type", pick(BAD_CONTENT_TYPES));
        }
        return new HostileRequest(kind, "PUT", ownedId, headers, validBody(), null);
    }

    private HostileRequest badId(String kind) {
        String id = pick(BAD_IDS);
        if (random.nextInt(4) == 0) {
            // A well-formed id that is not the caller's (or does not exist): 404, and nothing written.
            id = UUID.randomUUID().toString();
        }
        String method = pick("PUT", "GET", "DELETE");
        return new HostileRequest(kind, method, id, jsonHeaders(), method.equals("PUT") ? validBody() : null, null);
    }

    private HostileRequest badMethod(String kind) {
        boolean onItem = random.nextBoolean();
        String method = onItem ? pick(BAD_METHODS) : pick("PUT", "DELETE", "PATCH");
        return new HostileRequest(kind, method, onItem ? ownedId : null, jsonHeaders(), validBody(), null);
    }

    private HostileRequest headerInjection(String kind) {
        String injection = pick(INJECTIONS);
        Map<String, String> headers = jsonHeaders();
        return switch (random.nextInt(3)) {
            case 0 -> {
                headers.put("content-type", "application/json" + injection);
                yield new HostileRequest(kind, "PUT", ownedId, headers, validBody(), null);
            }
            case 1 -> new HostileRequest(kind, "PUT", ownedId + injection, headers, validBody(), null);
            default ->
                put(
                        kind,
                        "{\"name\":\""
                                + injection
                                        .replace("\r", "\\r")
                                        .replace("\n", "\\n")
                                        .replace("\u0000", "\\u0000") + "\",\"version\":0}");
        };
    }

    private HostileRequest notAnObject(String kind) {
        return put(
                kind,
                pick(
                        "{}",
                        "[]",
                        "[{\"progress\":1}]",
                        "\"progress\"",
                        "1",
                        "null",
                        "true",
                        " ",
                        "\uFEFF{\"progress\":1}",
                        "{\"progress\":1}{\"progress\":2}",
                        "{\"progress\":1} x",
                        "{\"version\":2}"));
    }

    private HostileRequest staleVersion(String kind) {
        // The item is at version 1: any other version is a conflict and must change nothing.
        long version = pickLong(2L, 3L, 1_000L, Long.MAX_VALUE, 2L + random.nextInt(1_000_000));
        return put(kind, "{\"progress\":" + random.nextInt(101) + ",\"version\":" + version + "}");
    }

    private HostileRequest badCreate(String kind) {
        String body = pick(
                "{\"name\":\"x\",\"companyName\":\"y\"}",
                "{\"name\":\"x\",\"companyName\":\"y\",\"intakeMode\":\"FAX\"}",
                "{\"name\":\"x\",\"companyName\":\"y\",\"intakeMode\":\"UPLOAD\",\"id\":\"" + ownedId + "\"}",
                "{\"name\":\"x\",\"companyName\":\"y\",\"intakeMode\":\"UPLOAD\",\"userId\":\"someone-else\"}",
                "{\"name\":\"x\",\"companyName\":\"y\",\"intakeMode\":\"UPLOAD\",\"version\":5}",
                "{\"name\":\"\",\"companyName\":\"y\",\"intakeMode\":\"UPLOAD\"}",
                "{\"name\":\"x\",\"companyName\":\"y\",\"intakeMode\":\"UPLOAD\",\"status\":\"COMPLETE\"}",
                "{\"name\":\"x\",\"companyName\":\"y\",\"intakeMode\":\"UPLOAD\",\"name\":\"z\"}",
                "{\"name\":\"x\",\"companyName\":\"y\",\"intakeMode\":\"UPLOAD\"",
                validBody());
        Map<String, String> headers = jsonHeaders();
        if (body.equals(validBody())) {
            headers.put("content-type", "text/plain");
        }
        return new HostileRequest(kind, "POST", null, headers, body, null);
    }

    private HostileRequest badQuery(String kind) {
        return new HostileRequest(kind, "GET", null, Map.of(), null, null, pick(BAD_QUERIES));
    }

    /** Cursors this service never issued: random base64url of the right length or not, and other text. */
    private HostileRequest badCursor(String kind) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int length = pickInt(76, 76, 76, 75, 77, 1, 4, 100, 300);
        StringBuilder cursor = new StringBuilder();
        for (int i = 0; i < length; i++) {
            cursor.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String value = random.nextInt(5) == 0
                ? pick("null", "0", "%00", "..%2F..", "%27%20OR%20%271%27%3D%271", "%7B%7D")
                : cursor.toString();
        String filter = pick("", "&limit=20", "&status=DRAFT", "&limit=100&status=COMPLETE&status=DRAFT");
        return new HostileRequest(kind, "GET", null, Map.of(), null, null, "cursor=" + value + filter);
    }

    private HostileRequest badDelete(String kind) {
        Map.Entry<String, String> condition = pick(BAD_DELETE_CONDITIONS);
        return new HostileRequest(
                kind, "DELETE", ownedId, Map.of(condition.getKey(), condition.getValue()), null, null);
    }

    private HostileRequest badIdempotencyKey(String kind) {
        Map<String, String> headers = jsonHeaders();
        headers.put("idempotency-key", pick(BAD_IDEMPOTENCY_KEYS));
        return new HostileRequest(
                kind, "POST", null, headers, "{\"name\":\"x\",\"companyName\":\"y\",\"intakeMode\":\"UPLOAD\"}", null);
    }

    /** A valid PUT or POST on a path no route matches: API Gateway never invokes the function (404). */
    private HostileRequest unroutedPath(String kind) {
        boolean create = random.nextBoolean();
        String suffix = pick(UNROUTED_SUFFIXES);
        String pathId = create ? suffix.substring(1) : ownedId + suffix;
        String body = create ? "{\"name\":\"x\",\"companyName\":\"y\",\"intakeMode\":\"UPLOAD\"}" : validBody();
        return new HostileRequest(
                kind, create ? "POST" : pick("PUT", "DELETE", "GET"), pathId, jsonHeaders(), body, null);
    }

    /** A valid update whose body claims a content coding: the API reads bodies only as sent (415). */
    private HostileRequest contentCoding(String kind) {
        Map<String, String> headers = jsonHeaders();
        headers.put("content-encoding", pick(CONTENT_CODINGS));
        return new HostileRequest(kind, "PUT", ownedId, headers, validBody(), null);
    }

    /** A name or company name of only Unicode White_Space, or a body of only JSON whitespace. */
    private HostileRequest blankText(String kind) {
        if (random.nextInt(4) == 0) {
            return put(kind, pick(" ", "\n", "\t \r\n", " ".repeat(1 + random.nextInt(200))));
        }
        return put(kind, "{\"" + pick("name", "companyName") + "\":\"" + pick(BLANK_TEXTS) + "\",\"progress\":3}");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** A body that would be a valid update on its own; the categories break it. */
    private String validBody() {
        return "{\"name\":\"Renamed review\",\"status\":\"ANALYZING\",\"progress\":40}";
    }

    private HostileRequest put(String kind, String body) {
        return new HostileRequest(kind, "PUT", ownedId, jsonHeaders(), body, null);
    }

    private static Map<String, String> jsonHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        return headers;
    }

    /** Whether {@code value} happens to be valid for {@code field}; wrong-type picks another one then. */
    private static boolean isAcceptable(String field, String value) {
        boolean text = value.startsWith("\"");
        return switch (field) {
            case "name", "companyName" -> text && !value.equals("\"\"");
            case "companyType" -> text;
            case "progress" -> value.equals("0");
            case "version" -> value.equals("101");
            default -> false; // status: no value in the list is a status name spelled exactly
        };
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private char pickChar(char... options) {
        return options[random.nextInt(options.length)];
    }

    private int pickInt(int... options) {
        return options[random.nextInt(options.length)];
    }

    private long pickLong(long... options) {
        return options[random.nextInt(options.length)];
    }
}
