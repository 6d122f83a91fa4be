package org.civicgrid.open311;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 提交表单 — a POST requests body as real clients send it: {@code application/x-www-form-urlencoded}, UTF-8, with
 * {@code attribute[CODE]=value} fields. The first value of a repeated field counts. Decoded whatever Content-Type the
 * client declared (some send none).
 */
record GeoReportForm(Map<String, String> fields, Map<String, String> attributes) {

    private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([^\\]]+)\\](\\[\\])?");

    static GeoReportForm parse(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> attributes = new TreeMap<>();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            Matcher attribute = ATTRIBUTE.matcher(name);
            if (attribute.matches()) {
                attributes.putIfAbsent(attribute.group(1), value);
            } else {
                fields.putIfAbsent(name, value);
            }
        }
        return new GeoReportForm(fields, attributes);
    }

    /** The field's value, trimmed; null when absent or blank. */
    String get(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
