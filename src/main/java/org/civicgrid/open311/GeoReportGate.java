package org.civicgrid.open311;

import jakarta.enterprise.context.ApplicationScoped;
import org.civicgrid.open311.keys.Open311Key;
import org.civicgrid.open311.keys.Open311Keys;
import jakarta.transaction.Transactional;

/** 接口门禁 — a POST passes with an active API key (403 otherwise) and within its key's rate (429 otherwise). */
@ApplicationScoped
class GeoReportGate {

    private final Open311Keys keys;
    private final PostRateLimit rate;

    GeoReportGate(Open311Keys keys, PostRateLimit rate) {
        this.keys = keys;
        this.rate = rate;
    }

    @Transactional
    Open311Key admit(String apiKey, GeoReportFormat format) {
        Open311Key key = keys.check(apiKey).orElseThrow(() -> new GeoReportError(403, format,
                apiKey == null ? "api_key missing: ask the centre for a key" : "api_key not valid (unknown or revoked)"));
        if (!rate.tryAcquire(key.id)) {
            throw new GeoReportError(429, format, "too many requests with this api_key: wait a minute and try again");
        }
        return key;
    }
}
