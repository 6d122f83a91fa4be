package org.civicgrid.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.civicgrid.catalog.CaseClasses;

/**
 * 通用告警 — our own JSON on {@code civicgrid/alerts/{deviceId}}: {@code {alertId, deviceId, kind: camera|drone|sensor,
 * label|classCode, confidence, occurredAt, lat?, lon?, snapshotUrl?, description?}}. {@code alertId} makes delivery
 * idempotent; the device is the topic's last level.
 */
final class GenericAdapter {

    private GenericAdapter() {
    }

    static Alert alert(String topic, String topicDevice, JsonNode root) {
        String alertId = Json.requireText(root, "alertId", 150);
        String deviceId = Json.text(root, "deviceId", 100);
        if (deviceId != null && topicDevice != null && !deviceId.equals(topicDevice)) {
            throw new IllegalArgumentException("deviceId " + deviceId + " does not match the topic's device " + topicDevice);
        }
        String device = deviceId != null ? deviceId : topicDevice;
        AlertKind kind = AlertKind.parse(Json.text(root, "kind", 16));
        String label = Json.text(root, "label", 100);
        String classCode = bareGb(Json.text(root, "classCode", 24));
        if (classCode != null && CaseClasses.BARE.matcher(classCode).matches()) {
            throw new IllegalArgumentException("the legacy code " + classCode + " may be a component or an event: send component:"
                    + classCode + " or incident:" + classCode);
        }
        if (classCode != null && !CaseClasses.REF.matcher(classCode).matches()) {
            throw new IllegalArgumentException("classCode must look like incident:0406 or component:0101, not '" + classCode + "'");
        }
        if (label == null && classCode == null) {
            throw new IllegalArgumentException("label or classCode is required");
        }
        Double confidence = Json.number(root, "confidence");
        if (confidence != null && (confidence < 0 || confidence > 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " is not between 0 and 1");
        }
        Instant occurredAt = Json.time(root, "occurredAt", false);
        Double lat = Json.latitude(root, "lat");
        Double lon = Json.longitude(root, "lon");
        if ((lat == null) != (lon == null)) {
            throw new IllegalArgumentException("give both lat and lon, or neither");
        }
        String snapshotUrl = Json.text(root, "snapshotUrl", 1000);
        if (snapshotUrl != null && !(snapshotUrl.startsWith("http://") || snapshotUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("snapshotUrl must be an http(s) URL");
        }
        String description = Json.text(root, "description", Json.MAX_TEXT);
        return new Alert(AlertSource.GENERIC, device + "/" + alertId, topic, device, kind, label == null ? List.of() : List.of(label), List.of(),
                classCode, confidence, occurredAt, lat, lon, snapshotUrl, null, description, false, null, null);
    }

    /** A bare 5-digit code is GB/T 47678.5, whose major tells the kind (01–05 component, 06 and up incident). */
    static String bareGb(String code) {
        if (code == null || !code.matches("\\d{5}")) {
            return code;
        }
        return org.civicgrid.catalog.ClassKind.ofGbMajor(code.substring(0, 2)).ref(code);
    }
}
