package org.civicgrid.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.civicgrid.appliance.SecretBox;
import org.civicgrid.appliance.SiteSetting;

/**
 * 上级平台连接 — the hub's URL and this site's token: set by an admin ({@code PUT /api/sync/hub}, the token kept
 * sealed in the store) or by configuration ({@code civicgrid.hub.url}/{@code .token}, clear or sealed).
 */
@ApplicationScoped
public class HubLink {

    static final String URL = "sync.hub.url";
    static final String TOKEN = "sync.hub.token";

    private final SyncConfig config;
    private final SecretBox secrets;
    private final Clock clock;

    HubLink(SyncConfig config, SecretBox secrets, Clock clock) {
        this.config = config;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The hub's base URL without a trailing slash, when one is set. */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public Optional<String> url() {
        SiteSetting.getEntityManager().clear(); // outside a transaction the session lives as long as the request: read afresh
        return SiteSetting.get(URL).or(config::url).filter(u -> !u.isBlank()).map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    }

    /** The clear token (opened from its sealed form). */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public Optional<String> token() {
        SiteSetting.getEntityManager().clear();
        return SiteSetting.get(TOKEN).or(config::token).filter(t -> !t.isBlank())
                .map(t -> SecretBox.isSealed(t) ? secrets.open(t) : t);
    }

    /** Stores the hub's URL and the token sealed. */
    @Transactional
    public void set(String url, String token) {
        SiteSetting.put(URL, url.trim(), clock.instant());
        SiteSetting.put(TOKEN, secrets.seal(token.trim()), clock.instant());
    }
}
