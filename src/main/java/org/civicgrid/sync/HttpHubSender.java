package org.civicgrid.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * civicgrid 协议发送 — {@link HubSender} over civicgrid's own {@code /api/hub/v1} (HTTP JSON, bearer token per site;
 * TLS is the URL's business: use https in production).
 */
public class HttpHubSender implements HubSender {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String token;
    private final ObjectMapper json;
    private final Duration timeout;

    public HttpHubSender(String baseUrl, String token, ObjectMapper json, Duration timeout) {
        this.base = baseUrl + "/api/hub/v" + SyncProtocol.VERSION;
        this.token = token;
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public SyncProtocol.Ack send(SyncProtocol.Batch batch) {
        try {
            HttpRequest request = request("/events").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(batch))).build();
            return json.readValue(call(request), SyncProtocol.Ack.class);
        } catch (IOException e) {
            throw new SyncException("hub answer unreadable: " + e.getMessage(), e);
        }
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
        HttpResponse<byte[]> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SyncException("hub unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            throw new SyncException("hub answered " + response.statusCode() + ": " + (body.length() > 200 ? body.substring(0, 200) : body));
        }
        return response.body();
    }
}
