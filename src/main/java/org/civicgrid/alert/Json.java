package org.civicgrid.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Strict reads of a JSON payload field by field; a wrong type or an absurd value is an {@link IllegalArgumentException} naming the field. */
final class Json {

    static final int MAX_TEXT = 2000;

    private Json() {
    }

    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new IllegalArgumentException(field + " must be an object");
        }
        return value;
    }

    static String text(JsonNode node, String field, int max) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        String text = value.asText();
        if (text.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters (" + text.length() + ")");
        }
        return text.isBlank() ? null : text.trim();
    }

    static String requireText(JsonNode node, String field, int max) {
        String text = text(node, field, max);
        if (text == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return text;
    }

    static Double number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        double d = value.asDouble();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(field + " must be a finite number");
        }
        return d;
    }

    static Double latitude(JsonNode node, String field) {
        Double lat = number(node, field);
        if (lat != null && Math.abs(lat) > 90) {
            throw new IllegalArgumentException(field + " " + lat + " is not a latitude");
        }
        return lat;
    }

    static Double longitude(JsonNode node, String field) {
        Double lon = number(node, field);
        if (lon != null && Math.abs(lon) > 180) {
            throw new IllegalArgumentException(field + " " + lon + " is not a longitude");
        }
        return lon;
    }

    static List<String> texts(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().length() > 100) {
                throw new IllegalArgumentException(field + " must be an array of strings of at most 100 characters");
            }
            if (out.size() < 20) {
                out.add(item.asText());
            }
        }
        return out;
    }

    /** Epoch seconds (Frigate, fractional), epoch milliseconds (DJI, our JSON) or ISO-8601 text. */
    static Instant time(JsonNode node, String field, boolean seconds) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        Instant at;
        if (value.isNumber()) {
            double d = value.asDouble();
            at = seconds ? Instant.ofEpochMilli((long) (d * 1000)) : Instant.ofEpochMilli((long) d);
        } else if (value.isTextual()) {
            try {
                at = Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                try {
                    at = java.time.OffsetDateTime.parse(value.asText()).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException(field + " must be an ISO-8601 time or epoch milliseconds");
                }
            }
        } else {
            throw new IllegalArgumentException(field + " must be a time");
        }
        if (at.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || at.isAfter(Instant.parse("2200-01-01T00:00:00Z"))) {
            throw new IllegalArgumentException(field + " " + value + " is not a plausible time");
        }
        return at;
    }
}
