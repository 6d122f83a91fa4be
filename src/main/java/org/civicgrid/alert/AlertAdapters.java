package org.civicgrid.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * 告警适配 — pure parsing of the MQTT payloads the appliance subscribes to, by topic: Frigate {@code <prefix>/reviews}
 * and {@code <prefix>/events}, DJI {@code thing/product/{sn}/events}, our {@code civicgrid/alerts/{deviceId}}. A
 * payload that is too large, not JSON, of wrong types or with absurd values is {@link Parsed.Rejected} with the reason.
 */
public final class AlertAdapters {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build());
    }

    private final String frigatePrefix;
    private final String djiPrefix;
    private final String genericPrefix;
    private final String frigateUrl;
    private final int maxPayloadBytes;

    /**
     * @param frigateUrl base URL of the Frigate HTTP API (snapshots), or null when none is configured
     */
    public AlertAdapters(String frigatePrefix, String genericPrefix, String frigateUrl, int maxPayloadBytes, String djiPrefix) {
        this.frigatePrefix = trimSlash(frigatePrefix);
        this.djiPrefix = trimSlash(djiPrefix);
        this.genericPrefix = trimSlash(genericPrefix);
        this.frigateUrl = frigateUrl == null || frigateUrl.isBlank() ? null : trimSlash(frigateUrl);
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The MQTT topic filters to subscribe to. */
    public List<String> subscriptions() {
        return List.of(frigatePrefix + "/reviews", frigatePrefix + "/events", frigatePrefix + "/tracked_object_update", djiPrefix + "/+/events",
                genericPrefix + "/+");
    }

    public Parsed parse(String topic, byte[] payload) {
        AlertSource source = sourceOf(topic);
        if (payload.length > maxPayloadBytes) {
            return new Parsed.Rejected(source, hash(topic, payload), deviceOf(topic), "payload of " + payload.length
                    + " bytes is larger than " + maxPayloadBytes);
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            return new Parsed.Rejected(source, hash(topic, payload), deviceOf(topic), "not JSON: " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            return new Parsed.Rejected(source, hash(topic, payload), deviceOf(topic), "not readable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            return new Parsed.Rejected(source, hash(topic, payload), deviceOf(topic), "not a JSON object");
        }
        try {
            return switch (source) {
                case FRIGATE -> new Parsed.Ok(FrigateAdapter.review(topic, root, frigateUrl));
                case FRIGATE_EVENT -> new Parsed.Ok(FrigateAdapter.event(topic, root, frigateUrl));
                case FRIGATE_UPDATE -> new Parsed.Ok(FrigateAdapter.trackedObjectUpdate(topic, root, hash(topic, payload)));
                case DJI -> new Parsed.Ok(DjiAdapter.event(topic, djiPrefix, root));
                case GENERIC -> new Parsed.Ok(GenericAdapter.alert(topic, deviceOf(topic), root));
                default -> new Parsed.Rejected(source, hash(topic, payload), null, "no adapter for topic " + topic);
            };
        } catch (IllegalArgumentException e) {
            Alert.Reply reply = source == AlertSource.DJI ? DjiAdapter.refusal(topic, root) : null;
            return new Parsed.Rejected(source, idOr(root, topic, payload), deviceOf(topic), e.getMessage(), reply);
        }
    }

    AlertSource sourceOf(String topic) {
        if (topic.equals(frigatePrefix + "/reviews")) {
            return AlertSource.FRIGATE;
        }
        if (topic.equals(frigatePrefix + "/events")) {
            return AlertSource.FRIGATE_EVENT;
        }
        if (topic.equals(frigatePrefix + "/tracked_object_update")) {
            return AlertSource.FRIGATE_UPDATE;
        }
        if (topic.startsWith(djiPrefix + "/") && topic.endsWith("/events")) {
            return AlertSource.DJI;
        }
        if (topic.startsWith(genericPrefix + "/")) {
            return AlertSource.GENERIC;
        }
        return AlertSource.UNKNOWN;
    }

    private String deviceOf(String topic) {
        if (topic.startsWith(genericPrefix + "/")) {
            return limit(topic.substring(genericPrefix.length() + 1), 100);
        }
        if (topic.startsWith(djiPrefix + "/")) {
            String rest = topic.substring(djiPrefix.length() + 1);
            int slash = rest.indexOf('/');
            return limit(slash < 0 ? rest : rest.substring(0, slash), 100);
        }
        return null;
    }

    /** The source's own id when the payload has a readable one (so a redelivered bad message is kept once), else a hash. */
    private String idOr(JsonNode root, String topic, byte[] payload) {
        for (String field : List.of("alertId", "tid", "id")) {
            JsonNode id = root.get(field);
            if (id != null && id.isTextual() && !id.asText().isBlank() && id.asText().length() <= 150) {
                String device = deviceOf(topic);
                return (device == null ? "" : device + "/") + id.asText() + "#rejected";
            }
        }
        return hash(topic, payload);
    }

    static String hash(String topic, byte[] payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(topic.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(payload);
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return limit(nl < 0 ? message : message.substring(0, nl), 200);
    }

    static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String trimSlash(String s) {
        String t = s.trim();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }
}
