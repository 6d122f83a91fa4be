package org.civicgrid.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * DJI Cloud API dock events — envelope {@code {tid, bid, timestamp, method, data, need_reply, gateway}} on
 * {@code thing/product/{gateway_sn}/events}. {@code file_upload_callback}: a photo with
 * {@code data.file.metadata.shoot_position {lat, lng}} — drone evidence at that point. {@code hms}: the dock's active
 * health alarms — device health, never a city case. Other methods (flight progress) are kept and ignored. When
 * {@code need_reply=1} the dock waits for {@code …/events_reply {tid, bid, timestamp, method, data: {result: 0}}};
 * a message we reject but can identify (tid, method) gets {@code result: 1}, so the dock does not wait in vain.
 */
final class DjiAdapter {

    private DjiAdapter() {
    }

    static Alert event(String topic, String prefix, JsonNode root) {
        String tid = Json.requireText(root, "tid", 100);
        String bid = Json.text(root, "bid", 100);
        String method = Json.requireText(root, "method", 64);
        Instant at = Json.time(root, "timestamp", false);
        String gateway = Json.text(root, "gateway", 100);
        String fromTopic = topic.substring(prefix.length() + 1, topic.length() - "/events".length());
        String device = gateway != null ? gateway : fromTopic;
        JsonNode data = Json.object(root, "data");
        Double needReply = Json.number(root, "need_reply");
        Alert.Reply reply = needReply != null && needReply == 1 ? reply(topic, tid, bid, method) : null;
        String key = device + "/" + tid;
        return switch (method) {
            case "file_upload_callback" -> photo(topic, key, device, data, at, reply);
            case "hms" -> {
                JsonNode list = data == null ? null : data.get("list");
                int n = list != null && list.isArray() ? list.size() : 0;
                String codes = list == null ? "" : String.join(",", list.findValuesAsText("code").stream().limit(10).toList());
                yield new Alert(AlertSource.DJI, key, topic, device, AlertKind.HEALTH, List.of("hms"), List.of(), null, null, at, null, null, null,
                        null, "设备健康告警 " + n + " 项 " + codes, false, "device health (hms, " + n + " active alarms): not a city case", reply);
            }
            default -> new Alert(AlertSource.DJI, key, topic, device, AlertKind.DRONE, List.of(method), List.of(), null, null, at, null, null,
                    null, null, method, false, "not an alert: " + method, reply);
        };
    }

    private static Alert photo(String topic, String key, String device, JsonNode data, Instant at, Alert.Reply reply) {
        JsonNode file = Json.object(data, "file");
        if (file == null) {
            throw new IllegalArgumentException("data.file is missing");
        }
        String name = Json.text(file, "name", 300);
        String objectKey = Json.text(file, "object_key", 500);
        String url = Json.text(file, "url", 1000);
        JsonNode metadata = Json.object(file, "metadata");
        JsonNode position = Json.object(metadata, "shoot_position");
        if (position == null) {
            throw new IllegalArgumentException("data.file.metadata.shoot_position is missing");
        }
        Double lat = Json.latitude(position, "lat");
        Double lng = Json.longitude(position, "lng");
        if (lat == null || lng == null) {
            throw new IllegalArgumentException("shoot_position needs lat and lng");
        }
        Instant shot;
        try {
            shot = Json.time(metadata, "create_time", false);
        } catch (IllegalArgumentException e) {
            shot = null; // the docs show a local "2022-3-1 12:22:11": the envelope's timestamp stands in
        }
        String snapshot = url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : null;
        String description = "无人机照片 " + (name == null ? "" : name) + (objectKey == null ? "" : " (" + objectKey + ")");
        return new Alert(AlertSource.DJI, key, topic, device, AlertKind.DRONE, List.of("photo"), List.of(), null, null, shot == null ? at : shot,
                lat, lng, snapshot, null, description, false, null, reply);
    }

    /** The result of an {@code events_reply} for a message we could not take (DJI: non-zero is an error). */
    static final int REFUSED = 1;

    /**
     * The {@code events_reply} with a non-zero result for a message that was rejected but can still be identified
     * (a textual {@code tid} and {@code method}) and waits for a reply ({@code need_reply=1}); null otherwise.
     */
    static Alert.Reply refusal(String topic, JsonNode root) {
        JsonNode tid = root.get("tid");
        JsonNode method = root.get("method");
        JsonNode needReply = root.get("need_reply");
        if (tid == null || !tid.isTextual() || tid.asText().isBlank() || tid.asText().length() > 100 || method == null || !method.isTextual()
                || method.asText().length() > 64 || needReply == null || !needReply.isNumber() || needReply.asInt() != 1) {
            return null;
        }
        JsonNode bid = root.get("bid");
        return reply(topic, tid.asText(), bid != null && bid.isTextual() ? bid.asText() : null, method.asText(), REFUSED);
    }

    private static Alert.Reply reply(String topic, String tid, String bid, String method) {
        return reply(topic, tid, bid, method, 0);
    }

    private static Alert.Reply reply(String topic, String tid, String bid, String method, int result) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("tid", tid);
        if (bid != null) {
            body.put("bid", bid);
        }
        body.put("timestamp", System.currentTimeMillis());
        body.put("method", method);
        body.putObject("data").put("result", result);
        return new Alert.Reply(topic + "_reply", body.toString());
    }
}
