package org.assessmentsapi.adapter.auth;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Fetches the discovery document and the key set (nimbus's retriever: timeouts, size limit) and tells a client error
 * answer (a configuration error: the document is not there, or not for us) from an outage. A failed fetch's status
 * is read from its connection, not from the exception's text (the JDK throws {@code FileNotFoundException} for a 404
 * and an {@code IOException} for the rest).
 */
final class StatusCheckingRetriever extends DefaultResourceRetriever {

    /** The connection of this thread's fetch in progress, to read its status when the fetch fails. */
    private final ThreadLocal<HttpURLConnection> current = new ThreadLocal<>();

    StatusCheckingRetriever(JwksSettings settings) {
        super(
                Math.toIntExact(settings.connectTimeout().toMillis()),
                Math.toIntExact(settings.readTimeout().toMillis()),
                settings.sizeLimitBytes());
    }

    @Override
    protected HttpURLConnection openConnection(URL url) throws IOException {
        HttpURLConnection connection = super.openConnection(url);
        current.set(connection);
        return connection;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        try {
            return super.retrieveResource(url);
        } catch (IOException e) {
            HttpURLConnection connection = current.get();
            int status = connection == null ? -1 : answeredStatus(connection);
            // 408 (timeout) and 429 (throttled) are passing; any other 4xx will answer the same next time.
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new ClientErrorAnswer(status, e);
            }
            throw e;
        } finally {
            current.remove();
        }
    }

    /** The status the server answered, or -1 when there was no answer (connect refused, timeout). */
    private static int answeredStatus(HttpURLConnection connection) {
        try {
            return connection.getResponseCode(); // the JDK keeps the status it read; no new request
        } catch (IOException noAnswer) {
            return -1;
        }
    }

    /** A 4xx answer that retrying will not change. */
    static final class ClientErrorAnswer extends IOException {

        private final int status;

        ClientErrorAnswer(int status, IOException cause) {
            super("HTTP " + status, cause);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
