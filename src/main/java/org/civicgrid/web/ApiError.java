package org.civicgrid.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** 接口错误 — the JSON error body of API.md: {@code {"error": "<code>", "message": "<text>", "field": "<name>"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field) {
}
