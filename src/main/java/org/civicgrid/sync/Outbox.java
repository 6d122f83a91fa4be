package org.civicgrid.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.civicgrid.appliance.ApplianceConfig;

/**
 * 上报队列 — appends case events in the caller's transaction (MANDATORY: an event exists exactly when its
 * transition does).
 */
@ApplicationScoped
public class Outbox {

    private final ApplianceConfig appliance;
    private final ObjectMapper json;

    Outbox(ApplianceConfig appliance, ObjectMapper json) {
        this.appliance = appliance;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(long caseId, int seq, String eventType, Object event, Instant at) {
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = UUID.randomUUID().toString();
        entry.siteId = appliance.siteId();
        entry.caseId = caseId;
        entry.seq = seq;
        entry.eventType = eventType;
        entry.createdAt = at;
        try {
            entry.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case event not serialisable", e);
        }
        entry.persist();
    }

}
