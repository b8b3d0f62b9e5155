package org.assessmentsapi.bench.minimal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assessmentsapi.bench.minimal.sdksigner.SdkSigning;
import org.assessmentsapi.bench.probe.timing.ProbeTimer;

/**
 * What the "no SDK" alternative of docs/benchmarks.md would cost, measured the way {@code ClientProbe} measures
 * the SDK's clients: one conditional UpdateItem (the same request as ClientProbe's) over the JDK's
 * {@code HttpURLConnection}, signed with Signature Version 4 (javax.crypto HMAC-SHA256), its JSON written and
 * read with jackson-core only. Its jar holds this class and jackson-core, nothing else.
 *
 * <p>A measuring probe, not a client: no retries, no error mapping beyond the status, no credential refresh,
 * no TLS tuning; and dynalite does not check signatures, so the signature's correctness is not verified here.
 * A production client would add those (a few dozen classes); the figures are a floor, stated as such.
 * With {@code signer} as the first argument (in probe-signer.jar) the request is signed by the SDK's signer instead.
 * Usage: {@code java -cp probe-minimal.jar MinimalDynamoDbProbe minimal|signer cold|warm ENDPOINT TABLE ID [N]}.
 */
public final class MinimalDynamoDbProbe {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "local";
    private static final String SECRET_KEY = "local";

    private MinimalDynamoDbProbe() {}

    /** {@code signer}: signed by the SDK's signer (probe-signer.jar) instead of the hand-written one. */
    private static boolean sdkSigner;

    public static void main(String[] args) {
        long start = System.nanoTime();
        sdkSigner = args[0].equals("signer");
        boolean warm = args[1].equals("warm");
        URI endpoint = URI.create(args[2]);
        String table = args[3];
        String id = args[4];
        updateItem(endpoint, table, id);
        int n = args.length > 5 ? Integer.parseInt(args[5]) : 3000;
        ProbeTimer.reportAndHalt(start, warm, n, () -> updateItem(endpoint, table, id));
    }

    /** The new item's attributes, as parsed JSON. */
    static Map<String, Object> updateItem(URI endpoint, String table, String id) {
        byte[] body = updateItemBody(table, id);
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(1_000);
            connection.setReadTimeout(2_000);
            if (sdkSigner) {
                SdkSigning.sign(
                        connection, endpoint, "DynamoDB_20120810.UpdateItem", body, REGION, ACCESS_KEY, SECRET_KEY);
            } else {
                sign(connection, endpoint, "DynamoDB_20120810.UpdateItem", body);
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                Map<String, Object> response = readObject(in);
                if (status != 200) {
                    throw new IllegalStateException("DynamoDB answered " + status + ": " + response.get("__type"));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> attributes = (Map<String, Object>) response.get("Attributes");
                return attributes;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] updateItemBody(String table, String id) {
        var bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("TableName", table);
            json.writeObjectFieldStart("Key");
            attribute(json, "id", "S", id);
            json.writeEndObject();
            json.writeStringField("UpdateExpression", "SET #progress = :progress, #version = #version + :one");
            json.writeStringField("ConditionExpression", "attribute_exists(#id)");
            json.writeObjectFieldStart("ExpressionAttributeNames");
            json.writeStringField("#id", "id");
            json.writeStringField("#progress", "progress");
            json.writeStringField("#version", "version");
            json.writeEndObject();
            json.writeObjectFieldStart("ExpressionAttributeValues");
            attribute(json, ":progress", "N", "40");
            attribute(json, ":one", "N", "1");
            json.writeEndObject();
            json.writeStringField("ReturnValues", "ALL_NEW");
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void attribute(JsonGenerator json, String name, String type, String value) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField(type, value);
        json.writeEndObject();
    }

    /** Signature Version 4 for a DynamoDB JSON call: the headers DynamoDB needs, signed, on the connection. */
    private static void sign(HttpURLConnection connection, URI endpoint, String target, byte[] body) {
        String amzDate = ZonedDateTime.now(ZoneOffset.UTC).format(AMZ_DATE);
        String date = amzDate.substring(0, 8);
        String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        String contentType = "application/x-amz-json-1.0";
        String signedHeaders = "content-type;host;x-amz-date;x-amz-target";
        String canonicalRequest = "POST\n/\n\n"
                + "content-type:" + contentType + "\n" + "host:" + host + "\n" + "x-amz-date:" + amzDate + "\n"
                + "x-amz-target:" + target + "\n\n" + signedHeaders + "\n" + hex(sha256(body));
        String scope = date + "/" + REGION + "/dynamodb/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, REGION);
        key = hmac(key, "dynamodb");
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, stringToSign));
        connection.setRequestProperty("Content-Type", contentType);
        connection.setRequestProperty("X-Amz-Date", amzDate);
        connection.setRequestProperty("X-Amz-Target", target);
        connection.setRequestProperty(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + scope + ", SignedHeaders=" + signedHeaders
                        + ", Signature=" + signature);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, Object> readObject(InputStream in) throws IOException {
        try (JsonParser parser = JSON.createParser(in)) {
            parser.nextToken();
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) readValue(parser);
            return object;
        }
    }

    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> object = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                object.put(name, readValue(parser));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            var list = new java.util.ArrayList<Object>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(readValue(parser));
            }
            return list;
        }
        return parser.getText();
    }
}
