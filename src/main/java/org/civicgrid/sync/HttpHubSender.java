package org.civicgrid.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * civicgrid 协议发送 — {@link HubSender} over civicgrid's own {@code /api/hub/v1} (HTTP JSON, bearer token per site;
 * TLS is the URL's business: use https in production, optionally with this site's client certificate). Batches go
 * gzip-compressed once the hub has said it takes them (an {@code Accept-Encoding: gzip} response header, RFC 7694):
 * a hub built before that never sees a compressed body. Several batches may be in flight at once
 * ({@link #sendAsync}); the relay keeps their answers in order.
 */
public class HttpHubSender implements HubSender {

    private static final HttpClient CLIENT = client(null);

    private final String base;
    private final String token;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient client;
    private final boolean gzip;
    private volatile boolean hubTakesGzip;

    public HttpHubSender(String baseUrl, String token, ObjectMapper json, Duration timeout) {
        this(baseUrl, token, json, timeout, CLIENT, true);
    }

    /** With an HTTP client of the caller's (e.g. {@link #client} with this site's certificate) and gzip on or off. */
    public HttpHubSender(String baseUrl, String token, ObjectMapper json, Duration timeout, HttpClient client, boolean gzip) {
        this.base = baseUrl + "/api/hub/v" + SyncProtocol.VERSION;
        this.token = token;
        this.json = json;
        this.timeout = timeout;
        this.client = client;
        this.gzip = gzip;
    }

    /**
     * An HTTP client; with an SSL context it presents that context's key (the site's client certificate, mTLS). HTTP/1.1:
     * the JDK's default (HTTP/2) opens every plain-http connection with an h2c upgrade, and the hub does not decompress
     * the body of an upgrade request — the first gzipped batch after a reconnect was refused as "not valid JSON". The
     * few batches in flight take a connection each.
     */
    public static HttpClient client(SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        return builder.build();
    }

    @Override
    public SyncProtocol.Ack send(SyncProtocol.Batch batch) {
        try {
            return sendAsync(batch).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new SyncException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    @Override
    public CompletableFuture<SyncProtocol.Ack> sendAsync(SyncProtocol.Batch batch) {
        HttpRequest request;
        try {
            byte[] body = json.writeValueAsBytes(batch);
            HttpRequest.Builder builder = request("/events").header("Content-Type", "application/json");
            if (gzip && hubTakesGzip) {
                body = gzip(body);
                builder.header("Content-Encoding", "gzip");
            }
            request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new SyncException("batch not serialisable: " + e.getMessage(), e));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                throw unreachable(failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
            }
            if (response.headers().allValues("Accept-Encoding").stream().anyMatch(v -> v.toLowerCase().contains("gzip"))) {
                hubTakesGzip = true;
            }
            try {
                return json.readValue(checked(response), SyncProtocol.Ack.class);
            } catch (IOException e) {
                throw new SyncException("hub answer unreadable: " + e.getMessage(), e);
            }
        });
    }

    /** Whether batches now go compressed (the hub said it takes gzip). */
    boolean compressing() {
        return gzip && hubTakesGzip;
    }

    @Override
    public void upload(String sha256, String contentType, Path file) {
        try {
            call(request("/blobs/" + sha256).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofFile(file)).build());
        } catch (IOException e) {
            throw new SyncException("attachment " + sha256 + " unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public List<SyncProtocol.Assignment> assignments(long after) {
        try {
            return json.readValue(call(request("/assignments?after=" + after).GET().build()), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new SyncException("hub answer unreadable: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private byte[] call(HttpRequest request) {
        try {
            return checked(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted", e);
        }
    }

    private static SyncException unreachable(Throwable e) {
        return new SyncException("hub unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }

    private static byte[] checked(HttpResponse<byte[]> response) {
        if (response.statusCode() / 100 != 2) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new SyncException("hub answered " + response.statusCode() + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
        }
        return response.body();
    }

    /** Fastest deflate level: JSON of a batch shrinks about tenfold even so, for a few ms of CPU per megabyte. */
    static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 6 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            zip.write(body);
        }
        return out.toByteArray();
    }
}
