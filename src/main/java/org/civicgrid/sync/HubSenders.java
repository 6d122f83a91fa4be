package org.civicgrid.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;

/**
 * 上报连接 — the relay's {@link HttpHubSender} for the hub set now: kept while the hub's URL and the token stay the
 * same (it remembers whether the hub takes gzip, and its HTTP client keeps its connections), and with this site's
 * client certificate when {@code civicgrid.hub.tls-configuration-name} names a Quarkus TLS configuration.
 */
@ApplicationScoped
public class HubSenders {

    private final SyncConfig config;
    private final ObjectMapper json;
    private final TlsConfigurationRegistry tls;
    private HttpClient client;
    private HttpHubSender current;
    private String currentKey;

    HubSenders(SyncConfig config, ObjectMapper json, TlsConfigurationRegistry tls) {
        this.config = config;
        this.json = json;
        this.tls = tls;
    }

    /** The sender for this hub and token. */
    public synchronized HttpHubSender forHub(String url, String token) {
        String key = url + "\n" + token;
        if (!key.equals(currentKey)) {
            current = new HttpHubSender(url, token, json, config.timeout(), client(), config.gzip());
            currentKey = key;
        }
        return current;
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpHubSender.client(config.tlsConfigurationName().map(this::sslContext).orElse(null));
        }
        return client;
    }

    private javax.net.ssl.SSLContext sslContext(String name) {
        TlsConfiguration configuration = tls.get(name).orElseThrow(() -> new IllegalStateException(
                "civicgrid.hub.tls-configuration-name names " + name + ", but there is no quarkus.tls." + name + ".* configuration"));
        try {
            return configuration.createSSLContext();
        } catch (Exception e) {
            throw new IllegalStateException("TLS configuration " + name + " does not give an SSL context: " + e.getMessage(), e);
        }
    }
}
