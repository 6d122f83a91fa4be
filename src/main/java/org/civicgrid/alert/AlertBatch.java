package org.civicgrid.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 告警批次 — what one write of the alert store collects before {@link AlertBatchWriter} inserts it: the alert rows, the
 * evidence rows, the 重复上报 counts per case, the keys seen (stored before or in this batch, with their case) and the
 * cases known to be open or not.
 */
final class AlertBatch {

    /** One alert_message row. */
    record Row(Alert alert, AlertSource source, String sourceId, String topic, String device, AlertOutcome outcome,
            String reason, Long caseId, String gridCode, String classCode, Long ruleId, Double lat, Double lon, AlertStore.Inbound in) {
    }

    /** One alert_evidence row, for the alert of source and id. */
    record Evidence(AlertSource source, String sourceId, long caseId, String url, Long cameraId, Double lat, Double lon, String kind,
            Instant windowFrom, Instant windowTo) {

        Evidence(AlertSource source, String sourceId, long caseId, String url, Long cameraId, Double lat, Double lon, String kind) {
            this(source, sourceId, caseId, url, cameraId, lat, lon, kind, null, null);
        }
    }

    final List<Row> rows = new ArrayList<>();
    final List<Evidence> evidence = new ArrayList<>();
    final Map<Long, Integer> repeats = new LinkedHashMap<>();
    final Map<String, Long> seen = new HashMap<>();
    final Map<Long, Boolean> open = new HashMap<>();

    /** Adds the row of a parsed alert. */
    void add(Alert a, AlertStore.Inbound in, AlertOutcome outcome, String reason, Long caseId, String grid, String classCode, Long ruleId,
            Double lat, Double lon) {
        rows.add(new Row(a, a.source(), a.sourceId(), in.topic(), a.device(), outcome, reason, caseId, grid, classCode, ruleId, lat, lon, in));
    }

    /** Adds the evidence of an alert for its case when it has a snapshot, a camera or a position, and its clip if any. */
    void addEvidence(Alert a, AlertTriage.Decision d, long caseId) {
        if (a.snapshotUrl() != null || d.cameraId() != null || a.located()) {
            evidence.add(new Evidence(a.source(), a.sourceId(), caseId, a.snapshotUrl(),
                    a.snapshotUrl() == null && a.kind() == AlertKind.CAMERA ? d.cameraId() : null, a.lat(), a.lon(), AlertEvidence.SNAPSHOT));
        }
        if (a.clipUrl() != null) {
            evidence.add(new Evidence(a.source(), a.sourceId(), caseId, a.clipUrl(), null, null, null, AlertEvidence.CLIP));
        }
    }

    /**
     * 录像回放: a case raised from a camera's alert asks the camera for a replay link of the window around the alert
     * (fetched in the background; a camera without recordings is skipped there). Only for the alert that raised the
     * case, so a storm merged into it does not ask the camera again and again.
     */
    void addReplay(Alert a, AlertTriage.Decision d, long caseId, Instant receivedAt, Duration margin) {
        if (a.kind() == AlertKind.CAMERA && d.cameraId() != null) {
            Instant at = a.occurredAt() == null ? receivedAt : a.occurredAt();
            evidence.add(new Evidence(a.source(), a.sourceId(), caseId, null, d.cameraId(), null, null, AlertEvidence.REPLAY,
                    at.minus(margin), at.plus(margin)));
        }
    }

    /** The idempotency key of an alert: source and its id there. */
    static String key(AlertSource source, String sourceId) {
        return source.name() + "|" + sourceId;
    }
}
