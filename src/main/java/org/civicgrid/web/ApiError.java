package org.civicgrid.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * 接口错误 — the JSON error body of API.md, the same everywhere:
 * {@code {"error": "<code>", "message": "<text>", "field": "<name>", "zh": "<中文说明>", "en": "<English summary>"}}.
 * {@code message} says exactly what was wrong; {@code zh}/{@code en} say what kind of error it is in both languages
 * (from the message bundles, {@link AppMessages#apiError}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field, String zh, String en) {

    /** The error with both languages' summaries of its code. */
    public static ApiError of(String code, String message, String field) {
        return new ApiError(code, message, field, summary(code, "zh"), summary(code, "en"));
    }

    private static String summary(String code, String language) {
        try {
            return MessageBundles.get(AppMessages.class, Localized.Literal.of(language)).apiError(code);
        } catch (RuntimeException outsideTheApplication) {
            return null;
        }
    }
}
