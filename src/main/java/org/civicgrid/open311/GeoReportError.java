package org.civicgrid.open311;

/**
 * 接口错误 — a GeoReport v2 error: HTTP status, description and the format to answer in; rendered in the spec's shape
 * ({@code [{"code":400,"description":"…"}]} / {@code <errors><error><code>…}) by {@link GeoReportErrors}.
 */
class GeoReportError extends RuntimeException {

    private final int status;
    private final GeoReportFormat format;

    GeoReportError(int status, GeoReportFormat format, String description) {
        super(description);
        this.status = status;
        this.format = format;
    }

    int status() {
        return status;
    }

    GeoReportFormat format() {
        return format;
    }
}
