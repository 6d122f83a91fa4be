package org.civicgrid.alert;

import java.time.Instant;
import java.util.List;

/**
 * 告警 — one alert as an adapter read it, before triage: who sent it and the source's own id (the idempotency key),
 * what was seen (labels, zones, class, confidence), when and where (position when the device knows it), and the
 * evidence to fetch. {@code ignoreReason} set means the adapter already knows it raises nothing (a Frigate detection,
 * an episode's end, a DJI health report); {@code reply} is what to answer the device (DJI {@code events_reply}).
 */
public record Alert(AlertSource source, String sourceId, String topic, String device, AlertKind kind, List<String> labels,
        List<String> zones, String classCode, Double confidence, Instant occurredAt, Double lat, Double lon, String snapshotUrl,
        String frigateEventId, String description, boolean episodeEnd, String ignoreReason, Reply reply) {

    /** A message to publish once the alert is committed. */
    public record Reply(String topic, String payload) {
    }

    public Alert {
        labels = labels == null ? List.of() : List.copyOf(labels);
        zones = zones == null ? List.of() : List.copyOf(zones);
    }

    public boolean located() {
        return lat != null && lon != null;
    }

    /**
     * 视频片段: the clip the source offers for this alert — Frigate serves it beside the event's snapshot
     * ({@code /api/events/<id>/clip.mp4}); null for other sources.
     */
    public String clipUrl() {
        String snapshot = "/snapshot.jpg";
        boolean frigate = source == AlertSource.FRIGATE || source == AlertSource.FRIGATE_EVENT;
        return frigate && snapshotUrl != null && snapshotUrl.endsWith(snapshot)
                ? snapshotUrl.substring(0, snapshotUrl.length() - snapshot.length()) + "/clip.mp4" : null;
    }

    public String label() {
        return labels.isEmpty() ? null : String.join(",", labels);
    }

    Alert withIgnore(String reason) {
        return new Alert(source, sourceId, topic, device, kind, labels, zones, classCode, confidence, occurredAt, lat, lon, snapshotUrl,
                frigateEventId, description, episodeEnd, reason, reply);
    }
}
