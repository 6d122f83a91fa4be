package org.civicgrid.web;

/**
 * 错误 — a request that cannot be served as asked: carries the HTTP status, a stable error code, a message a
 * person can act on and, for bad input, the field at fault. Rendered as {@code {"error","message","field"}} on
 * the API and shown next to the field on pages.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public Problem(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static Problem badRequest(String field, String message) {
        return new Problem(400, "invalid_input", field, field == null ? message : field + ": " + message);
    }

    public static Problem notFound(String what) {
        return new Problem(404, "not_found", null, what + " not found");
    }

    public static Problem conflict(String code, String message) {
        return new Problem(409, code, null, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
