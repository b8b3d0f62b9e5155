package org.assessmentsapi.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * One request and its response on a {@link LocalHttpServer} connection, behind the JDK's {@link HttpExchange} API (so
 * that handlers are the same as on the JDK's server): the body framed by Content-Length or chunked, an interim
 * {@code 100 Continue} without any header field (RFC 9110 section 15.2: no Content-Length on a 1xx) when the handler
 * first reads the body of a request that expects it, and the response framed as {@link #sendResponseHeaders} says.
 * When the connection ends after this exchange, the response says {@code Connection: close} (RFC 9112 section 9.6).
 */
final class LocalExchange extends HttpExchange {

    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** What is left of a request body the handler did not read is read and dropped up to this, as the JDK's server does. */
    static final long DRAIN_LIMIT = 64 * 1024;

    private final RequestHead head;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final OutputStream connection;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private final BodyInputStream body;
    private boolean closeAfter;
    private int status = -1;
    private OutputStream responseBody;

    LocalExchange(
            RequestHead head,
            InputStream in,
            OutputStream connection,
            InetSocketAddress remote,
            InetSocketAddress local,
            boolean closeAfter)
            throws RequestHead.Refused {
        this.head = head;
        this.connection = connection;
        this.remote = remote;
        this.local = local;
        this.closeAfter = closeAfter || head.closesConnection();
        this.body = new BodyInputStream(in, head.contentLength(), head.expectsContinue() ? this::sendContinue : null);
    }

    /** The connection ends after this exchange (asked for, or the request body could not be read to its end). */
    boolean closesConnection() {
        return closeAfter;
    }

    /**
     * After the handler: a response is sure to have been sent and flushed, the rest of the request body is read (or,
     * if the client was never told to send it, the connection closes).
     */
    void finish() throws IOException {
        if (status < 0) {
            throw new IOException("the handler sent no response");
        }
        if (responseBody != null) {
            responseBody.close();
        }
        connection.flush();
        if (!closeAfter && !body.drain()) {
            closeAfter = true;
        }
    }

    private void sendContinue() {
        try {
            connection.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            connection.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void sendResponseHeaders(int code, long responseLength) throws IOException {
        if (status >= 0) {
            throw new IOException("headers already sent");
        }
        status = code;
        if (body.awaitingContinue() || body.unreadBeyond(DRAIN_LIMIT)) {
            // The client was not told to send the body, or too much of it is left to read and drop: the connection
            // cannot be reused, and the response says so.
            closeAfter = true;
        }
        boolean bodiless =
                code / 100 == 1 || code == 204 || code == 304 || head.method().equals("HEAD");
        long length = bodiless ? -1 : responseLength;
        responseHeaders.remove("Content-Length");
        responseHeaders.remove("Transfer-Encoding");
        if (length > 0) {
            responseHeaders.set("Content-Length", Long.toString(length));
        } else if (length == 0) {
            responseHeaders.set("Transfer-Encoding", "chunked");
        } else if (!bodiless) {
            responseHeaders.set("Content-Length", "0");
        }
        String connectionHeader = responseHeaders.getFirst("Connection");
        if (closeAfter || (connectionHeader != null && connectionHeader.equalsIgnoreCase("close"))) {
            closeAfter = true;
            responseHeaders.set("Connection", "close");
        }
        writeHead(connection, code, responseHeaders);
        responseBody = length > 0
                ? new FixedLengthOutputStream(connection, length)
                : length == 0 ? new ChunkedOutputStream(connection) : new FixedLengthOutputStream(connection, 0);
    }

    /** A status line and header fields, with Date. */
    static void writeHead(OutputStream out, int code, Headers headers) throws IOException {
        headers.set("Date", DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(code)
                .append(' ')
                .append(ReasonPhrases.of(code))
                .append("\r\n");
        headers.forEach((name, values) -> values.forEach(
                value -> head.append(name).append(": ").append(value).append("\r\n")));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public Headers getRequestHeaders() {
        return head.headers();
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return head.uri();
    }

    @Override
    public String getRequestMethod() {
        return head.method();
    }

    /** No contexts on this server: one handler serves every path. */
    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public void close() {
        try {
            if (responseBody != null) {
                responseBody.close();
            }
        } catch (IOException e) {
            closeAfter = true;
        }
    }

    @Override
    public InputStream getRequestBody() {
        return body;
    }

    @Override
    public OutputStream getResponseBody() {
        if (responseBody == null) {
            throw new IllegalStateException("send the response headers first");
        }
        return responseBody;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return head.protocol();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        throw new UnsupportedOperationException("no filters on this server");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** A request body of a known length, or chunked (length -1); sends the interim 100 on the first read. */
    private static final class BodyInputStream extends InputStream {
        private final InputStream in;
        private final boolean chunked;
        private Runnable continueOnRead;
        private long remaining;
        private boolean ended;

        BodyInputStream(InputStream in, long length, Runnable continueOnRead) {
            this.in = in;
            this.chunked = length < 0;
            this.remaining = Math.max(length, 0);
            this.ended = length == 0;
            this.continueOnRead = ended ? null : continueOnRead;
        }

        boolean awaitingContinue() {
            return continueOnRead != null;
        }

        /** More than {@code limit} bytes are left, or an unknown number (a chunked body not read to its end). */
        boolean unreadBeyond(long limit) {
            return !ended && (chunked || remaining > limit);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (continueOnRead != null) {
                continueOnRead.run();
                continueOnRead = null;
            }
            if (chunked && remaining == 0) {
                remaining = nextChunkSize();
                if (remaining == 0) {
                    ended = true;
                    return -1;
                }
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new IOException("the connection ended within the request body");
            }
            remaining -= read;
            if (remaining == 0) {
                if (chunked) {
                    crlf();
                } else {
                    ended = true;
                }
            }
            return read;
        }

        /** Reads what the handler left of the body, unless the client still waits to be told to send it. */
        boolean drain() throws IOException {
            if (awaitingContinue()) {
                return false;
            }
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // dropped
            }
            return true;
        }

        private long nextChunkSize() throws IOException {
            String line = asciiLine();
            String size = line.split(";", 2)[0].strip();
            if (!size.matches("[0-9A-Fa-f]{1,15}")) {
                throw new IOException("bad chunk size");
            }
            long chunk = Long.parseLong(size, 16);
            if (chunk == 0) {
                while (!asciiLine().isEmpty()) {
                    // trailer fields are not used
                }
            }
            return chunk;
        }

        private void crlf() throws IOException {
            if (!asciiLine().isEmpty()) {
                throw new IOException("a chunk does not end with CR LF");
            }
        }

        private String asciiLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1 || line.size() > 4096) {
                    throw new IOException("bad chunked framing");
                }
                if (c != '\r') {
                    line.write(c);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Exactly {@code length} bytes; closing it leaves the connection open. */
    private static final class FixedLengthOutputStream extends FilterOutputStream {
        private long remaining;

        FixedLengthOutputStream(OutputStream out, long length) {
            super(out);
            this.remaining = length;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > remaining) {
                throw new IOException("more bytes than the Content-Length sent");
            }
            out.write(bytes, offset, length);
            remaining -= length;
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** The chunked transfer coding (RFC 9112 section 7.1); closing it writes the last chunk. */
    private static final class ChunkedOutputStream extends FilterOutputStream {
        private boolean closed;

        ChunkedOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, offset, length);
            out.write(CRLF);
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /** Reason phrases of the statuses the API and the runner answer; another status gets an empty one. */
    private static final class ReasonPhrases {
        private static final Map<Integer, String> PHRASES = Map.ofEntries(
                Map.entry(100, "Continue"),
                Map.entry(200, "OK"),
                Map.entry(201, "Created"),
                Map.entry(204, "No Content"),
                Map.entry(304, "Not Modified"),
                Map.entry(400, "Bad Request"),
                Map.entry(401, "Unauthorized"),
                Map.entry(403, "Forbidden"),
                Map.entry(404, "Not Found"),
                Map.entry(405, "Method Not Allowed"),
                Map.entry(409, "Conflict"),
                Map.entry(412, "Precondition Failed"),
                Map.entry(413, "Content Too Large"),
                Map.entry(415, "Unsupported Media Type"),
                Map.entry(422, "Unprocessable Content"),
                Map.entry(431, "Request Header Fields Too Large"),
                Map.entry(500, "Internal Server Error"),
                Map.entry(503, "Service Unavailable"));

        static String of(int status) {
            return PHRASES.getOrDefault(status, "");
        }
    }
}
