package org.civicgrid.open311;

import jakarta.ws.rs.core.MediaType;

/**
 * 格式 — the two answer formats of GeoReport v2, chosen by the resource's extension ({@code services.xml},
 * {@code requests.json}): XML (the spec's required format) and JSON.
 */
enum GeoReportFormat {
    XML("text/xml"), JSON("application/json");

    private final String mediaType;

    GeoReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return MediaType.valueOf(mediaType + ";charset=utf-8");
    }

    String type() {
        return mediaType;
    }

    /** A resource name without its extension, and its format: {@code requests.xml} → requests, XML. */
    record Named(String name, GeoReportFormat format) {
    }

    /** Splits {@code name.json|xml}; anything else is a 404 in the spec's shape (as XML, the required format: none was named). */
    static Named split(String file) {
        if (file != null) {
            for (GeoReportFormat f : values()) {
                String suffix = "." + f.name().toLowerCase();
                if (file.toLowerCase().endsWith(suffix) && file.length() > suffix.length()) {
                    return new Named(file.substring(0, file.length() - suffix.length()), f);
                }
            }
        }
        throw new GeoReportError(404, XML, "unknown resource '" + file + "': name it .xml or .json");
    }
}
