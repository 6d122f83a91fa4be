package org.civicgrid.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Frigate NVR — {@code frigate/reviews} ({@code {type: new|update|end, before, after: {id, camera, start_time,
 * severity, data: {detections, objects, sub_labels, zones}}}}): a review of severity {@code alert} raises; one of
 * severity {@code detection} does not; {@code end} closes the episode. {@code frigate/events} (one tracked object:
 * {@code after.id, camera, label, top_score, entered_zones}) is read too; the snapshot is
 * {@code /api/events/{id}/snapshot.jpg} on the Frigate host.
 */
final class FrigateAdapter {

    private FrigateAdapter() {
    }

    static Alert review(String topic, JsonNode root, String frigateUrl) {
        String type = Json.requireText(root, "type", 16);
        JsonNode after = Json.object(root, "after");
        if (after == null) {
            throw new IllegalArgumentException("after is missing");
        }
        String id = Json.requireText(after, "id", 100);
        String camera = Json.requireText(after, "camera", 100);
        String severity = Json.requireText(after, "severity", 16);
        Instant start = Json.time(after, "start_time", true);
        JsonNode data = Json.object(after, "data");
        List<String> detections = Json.texts(data, "detections");
        List<String> objects = Json.texts(data, "objects");
        List<String> zones = Json.texts(data, "zones");
        List<String> subLabels = Json.texts(data, "sub_labels");
        String eventId = detections.isEmpty() ? null : detections.get(0);
        String snapshot = frigateUrl == null || eventId == null ? null : frigateUrl + "/api/events/" + eventId + "/snapshot.jpg";
        String description = "Frigate " + camera + ": " + String.join("、", objects) + (zones.isEmpty() ? "" : " @ " + String.join("、", zones))
                + (subLabels.isEmpty() ? "" : " (" + String.join("、", subLabels) + ")");
        if (!List.of("new", "update", "end").contains(type)) {
            throw new IllegalArgumentException("type must be new, update or end, not '" + type + "'");
        }
        boolean end = "end".equals(type);
        String ignore = "alert".equals(severity) ? null : "severity " + severity + " (only alert raises a case)";
        return new Alert(AlertSource.FRIGATE, id, topic, camera, AlertKind.CAMERA, objects, zones, null, null, start, null, null,
                snapshot, eventId, description, end, ignore, null);
    }

    /**
     * {@code frigate/tracked_object_update}: what Frigate learnt later about a tracked object {@code id} — a generated
     * {@code description}, a recognised {@code face} or licence plate ({@code lpr}), a {@code classification}. Kept,
     * raises nothing itself; its words enrich the case of that object's alert. {@code hash} tells repeated updates apart.
     */
    static Alert trackedObjectUpdate(String topic, JsonNode root, String hash) {
        String type = Json.requireText(root, "type", 32);
        String id = Json.requireText(root, "id", 100);
        String camera = Json.text(root, "camera", 100);
        String words = switch (type) {
            case "description" -> Json.requireText(root, "description", 2000);
            case "face" -> "人脸 " + Json.requireText(root, "name", 100);
            case "lpr" -> "车牌 " + firstText(root, "plate", "name");
            case "classification" -> "分类 " + firstText(root, "sub_label", "attribute");
            default -> throw new IllegalArgumentException("type must be description, face, lpr or classification, not '" + type + "'");
        };
        return new Alert(AlertSource.FRIGATE_UPDATE, id + "/" + type + "/" + hash.substring(hash.length() - 12), topic, camera, AlertKind.CAMERA,
                List.of(type), List.of(), null, Json.number(root, "score"), null, null, null, null, id, words, false,
                "tracked object update (" + type + "): enriches its alert's case", null);
    }

    private static String firstText(JsonNode root, String field, String other) {
        String value = Json.text(root, field, 100);
        if (value == null) {
            value = Json.text(root, other, 100);
        }
        if (value == null) {
            throw new IllegalArgumentException(field + " or " + other + " is required");
        }
        return value;
    }

    static Alert event(String topic, JsonNode root, String frigateUrl) {
        String type = Json.requireText(root, "type", 16);
        JsonNode after = Json.object(root, "after");
        if (after == null) {
            throw new IllegalArgumentException("after is missing");
        }
        String id = Json.requireText(after, "id", 100);
        String camera = Json.requireText(after, "camera", 100);
        String label = Json.requireText(after, "label", 100);
        Double score = Json.number(after, "top_score");
        if (score == null) {
            score = Json.number(after, "score");
        }
        if (score != null && (score < 0 || score > 1)) {
            throw new IllegalArgumentException("top_score " + score + " is not between 0 and 1");
        }
        List<String> zones = new ArrayList<>(Json.texts(after, "entered_zones"));
        Json.texts(after, "current_zones").stream().filter(z -> !zones.contains(z)).forEach(zones::add);
        Instant start = Json.time(after, "start_time", true);
        boolean falsePositive = after.path("false_positive").asBoolean(false);
        String snapshot = frigateUrl == null ? null : frigateUrl + "/api/events/" + id + "/snapshot.jpg";
        boolean end = "end".equals(type);
        String ignore = falsePositive ? "marked false positive by Frigate" : null;
        return new Alert(AlertSource.FRIGATE_EVENT, id, topic, camera, AlertKind.CAMERA, List.of(label), zones, null, score, start, null, null,
                snapshot, id, "Frigate " + camera + ": " + label + (zones.isEmpty() ? "" : " @ " + String.join("、", zones)), end, ignore, null);
    }
}
