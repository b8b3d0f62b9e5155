package org.assessmentsapi.local;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a loopback socket, for what {@code java.net.http} refuses to send:
 * control characters in header values, invalid methods, raw invalid UTF-8, {@code Connection} and {@code Expect}
 * headers. {@link #exchange} sends one request per connection; a {@link Connection} keeps one open for many, as
 * a keep-alive client does, reading each response by its framing (Content-Length, chunked, or none).
 */
final class RawHttp {

    /** A response: status, header names lower-cased, body as UTF-8. Status 0: the server closed without answering. */
    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }

        /** The server said it closes the connection after this response. */
        boolean closes() {
            String connection = header("connection");
            return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
        }
    }

    private static final int READ_TIMEOUT_MS = 30_000;

    private RawHttp() {}

    /** Sends {@code method target} with these header lines (written as given, ISO-8859-1) and body. */
    static Response exchange(int port, String method, String target, List<String> headerLines, byte[] body) {
        List<String> lines = new ArrayList<>(headerLines);
        lines.add("Connection: close");
        try (Connection connection = new Connection(port)) {
            return connection.send(method, target, lines, body);
        } catch (java.net.SocketException reset) {
            return new Response(0, Map.of(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One persistent connection: requests are sent one after the other, each response read whole. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final int port;

        Connection(int port) throws IOException {
            this.port = port;
            this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Writes the request (Host and Content-Length added), then reads the final response. */
        Response send(String method, String target, List<String> headerLines, byte[] body) throws IOException {
            write(method, target, headerLines, body);
            Response response;
            do {
                response = read(method);
            } while (response.status() / 100 == 1);
            return response;
        }

        /** Writes a request without reading the answer, in one write (one segment on loopback, no Nagle wait). */
        void write(String method, String target, List<String> headerLines, byte[] body) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head(method, target, headerLines, body.length));
            request.write(body);
            writeBody(request.toByteArray());
        }

        /** Writes a request's head (with Host and this Content-Length) and not its body. */
        void writeHead(String method, String target, List<String> headerLines, int contentLength) throws IOException {
            writeBody(head(method, target, headerLines, contentLength));
        }

        private byte[] head(String method, String target, List<String> headerLines, int contentLength) {
            // A Host line among headerLines replaces the loopback one (a DNS-rebound name, say).
            boolean ownHost = headerLines.stream().anyMatch(line -> line.regionMatches(true, 0, "Host:", 0, 5));
            StringBuilder head = new StringBuilder(
                    method + " " + target + " HTTP/1.1\r\n" + (ownHost ? "" : "Host: 127.0.0.1:" + port + "\r\n"));
            for (String line : headerLines) {
                head.append(line).append("\r\n");
            }
            head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
            return head.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        /** Writes the body of a request whose head was written (after a 100 Continue, say). */
        void writeBody(byte[] body) throws IOException {
            out.write(body);
            out.flush();
        }

        /** Reads one response (a 1xx too) to a request of {@code method}; status 0 if the server had closed. */
        Response read(String method) throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                return new Response(0, Map.of(), "");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line = line(); line != null && !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(
                                line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
            Response framing = new Response(status, headers, "");
            byte[] body;
            if (method.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
                body = new byte[0];
            } else if ("chunked".equalsIgnoreCase(framing.header("transfer-encoding"))) {
                body = dechunk();
            } else if (framing.header("content-length") != null) {
                body = in.readNBytes(Integer.parseInt(framing.header("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        /** True once the server has closed its side (a read finds the end of the stream). */
        boolean closedByServer() throws IOException {
            return in.read() == -1;
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    line.write(c);
                }
            }
            return c == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }

        private byte[] dechunk() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int length = size == null || size.isEmpty() ? 0 : Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                        // trailer fields are not used
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(length));
                line();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
