package org.assessmentsapi.local;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The request line and header fields of one HTTP/1.1 request (RFC 9112 sections 3 and 5), read from a connection
 * as sent: field values as ISO-8859-1 (one char per byte), names as the JDK's {@link Headers} normalize them.
 */
record RequestHead(String method, String target, URI uri, String protocol, Headers headers) {

    /** Far above API Gateway's 10,240 bytes, which {@link ExchangeHandler} enforces with the exact figure. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/1\\.[01]");

    /** Why a head cannot be served: the status and what to say, as a problem of the API's catalogue. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }

    /**
     * The next request's head, or null when the connection ends before one starts (empty lines before a request are
     * skipped, RFC 9112 section 2.2).
     */
    static RequestHead read(InputStream in) throws IOException, Refused {
        int[] budget = {MAX_BYTES};
        String requestLine;
        do {
            requestLine = line(in, budget);
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty());
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3
                || !TOKEN.matcher(parts[0]).matches()
                || !VERSION.matcher(parts[2]).matches()) {
            throw new Refused(400, "The request line is not 'method target HTTP/1.1'.");
        }
        URI uri = uri(parts[0], parts[1]);
        Headers headers = new Headers();
        for (String line = line(in, budget); ; line = line(in, budget)) {
            if (line == null) {
                throw new IOException("the connection ended within the request head");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                // Also a folded line (starting with a space): RFC 9112 section 5.2 lets a server refuse those.
                throw new Refused(400, "A header line is not 'name: value'.");
            }
            headers.add(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return new RequestHead(parts[0], parts[1], uri, parts[2], headers);
    }

    /** The target as a URI: origin form ({@code /path?query}), absolute form, or {@code *} for OPTIONS. */
    private static URI uri(String method, String target) throws Refused {
        if (target.equals("*") && method.equals("OPTIONS")) {
            return URI.create("*");
        }
        try {
            URI uri = new URI(target);
            if (uri.getRawPath() == null || (!uri.isAbsolute() && !target.startsWith("/"))) {
                throw new URISyntaxException(target, "not an origin or absolute form");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Refused(400, "The request target is not a valid URI path (a broken percent-escape?).");
        }
    }

    /** The body's framing: Content-Length, or -1 for chunked; refuses what could be read two ways. */
    long contentLength() throws Refused {
        List<String> transferCoding = headers.get("Transfer-Encoding");
        List<String> length = headers.get("Content-Length");
        if (transferCoding != null) {
            if (length != null
                    || transferCoding.size() != 1
                    || !transferCoding.get(0).equalsIgnoreCase("chunked")) {
                throw new Refused(400, "Send the body with one Content-Length, or Transfer-Encoding: chunked alone.");
            }
            return -1;
        }
        if (length == null) {
            return 0;
        }
        if (length.size() != 1 || !length.get(0).matches("[0-9]{1,18}")) {
            throw new Refused(400, "Content-Length must be one decimal number.");
        }
        return Long.parseLong(length.get(0));
    }

    /** {@code Expect: 100-continue}: the client waits for an interim 100 before it sends the body. */
    boolean expectsContinue() {
        String expect = headers.getFirst("Expect");
        return expect != null && expect.equalsIgnoreCase("100-continue");
    }

    /** Whether the connection ends after this exchange: {@code Connection: close}, or HTTP/1.0. */
    boolean closesConnection() {
        List<String> connection = headers.getOrDefault("Connection", List.of());
        return protocol.equals("HTTP/1.0")
                || connection.stream()
                        .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                        .anyMatch(token -> token.strip().equalsIgnoreCase("close"));
    }

    /** One line without its CR LF, as ISO-8859-1; null at the end of the stream before any byte. */
    private static String line(InputStream in, int[] budget) throws IOException, Refused {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (--budget[0] < 0) {
                throw new Refused(431, "The request head is larger than " + MAX_BYTES + " bytes.");
            }
            line.write(c);
        }
        if (c == -1 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
