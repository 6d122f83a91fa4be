package org.civicgrid.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.org.Role;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 错误响应 — turns failures into answers a person or a script can act on: JSON {@link ApiError} under
 * {@code /api/}, an error page elsewhere (403 explains that the account lacks the role). Never a stack trace.
 */
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    private final Template page;

    ErrorResponses(@Location("error.html") Template page) {
        this.page = page;
    }

    @ServerExceptionMapper
    public Response problem(Problem problem, UriInfo uri) {
        return respond(uri, problem.status(), problem.code(), problem.getMessage(), problem.field());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        List<Role> allowed = allowedRoles(resource);
        String message = allowed.isEmpty() ? "your account does not hold a role allowed to do this"
                : "your account does not hold a role allowed to do this; allowed: "
                        + allowed.stream().map(Role::name).collect(Collectors.joining(", "));
        return respond(uri, 403, "forbidden", message, null, allowed);
    }

    /** The roles the refused endpoint allows ({@code @RolesAllowed} on the method, else on the class), for the 403 page. */
    static List<Role> allowedRoles(ResourceInfo resource) {
        try {
            Method method = resource == null ? null : resource.getResourceMethod();
            if (method == null) {
                return List.of();
            }
            RolesAllowed rolesAllowed = method.isAnnotationPresent(RolesAllowed.class) ? method.getAnnotation(RolesAllowed.class)
                    : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
            if (rolesAllowed == null) {
                return List.of();
            }
            Set<String> names = Set.of(rolesAllowed.value());
            return Arrays.stream(Role.values()).filter(r -> names.contains(r.name())).toList();
        } catch (RuntimeException unavailable) {
            return List.of(); // no resource method (e.g. a route outside JAX-RS): the page says it without the list
        }
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        var violation = e.getConstraintViolations().stream().findFirst();
        String field = violation.map(v -> lastNode(v.getPropertyPath().toString())).orElse(null);
        String message = violation.map(v -> field + ": " + v.getMessage()).orElse("invalid input");
        return respond(uri, 400, "invalid_input", message, field);
    }

    /** Two people changed the same record at once: the later one reloads and tries again. */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return respond(uri, 409, "conflict", "someone else changed this record at the same time: reload and try again", null);
    }

    /**
     * A real 404, or a query/path parameter that could not be read (JAX-RS reports those as 404 with the cause, e.g.
     * {@code ?from=yesterday}): that is the caller's input, so 400 naming what was wrong.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof Problem problem) {
            return problem(problem, uri);
        }
        if (cause != null) {
            return respond(uri, 400, "bad_parameter", "a parameter could not be read: " + conciseMessage(cause), null);
        }
        return respond(uri, 404, "not_found", "no such page or resource: /" + uri.getPath().replaceFirst("^/", ""), null);
    }

    /** A JSON body with a value of the wrong type or an unknown enum value: 400 naming the field and what it takes. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        String expected = e instanceof MismatchedInputException m && m.getTargetType() != null ? describe(m.getTargetType()) : "another value";
        String given = e instanceof InvalidFormatException f ? " (got " + abbreviate(String.valueOf(f.getValue())) + ")" : "";
        return respond(uri, 400, "invalid_input", (field == null ? "the body" : field) + ": expected " + expected + given, field);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(uri, 400, "invalid_input", "the body is not valid JSON: " + abbreviate(e.getOriginalMessage()), null);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date/time like 2026-11-23T09:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return type == String.class ? "a text" : "an object";
    }

    private static String conciseMessage(Throwable cause) {
        return abbreviate(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400 || status == 401) {
            return e.getResponse();
        }
        String message = e.getMessage();
        if (e.getCause() instanceof com.fasterxml.jackson.core.JacksonException json) {
            message = "the body is not valid JSON: " + abbreviate(json.getOriginalMessage());
        } else if (message == null || message.startsWith("HTTP ")) {
            message = status == 415 ? "this content type is not accepted here" : "the request could not be read (" + status + ")";
        }
        return respond(uri, status, status >= 500 ? "server_error" : status == 415 ? "unsupported_media_type" : "bad_request", message, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "unexpected failure on %s", uri.getPath());
        return respond(uri, 500, "server_error", "an unexpected error occurred; it has been logged", null);
    }

    private Response respond(UriInfo uri, int status, String code, String message, String field) {
        return respond(uri, status, code, message, field, List.of());
    }

    private Response respond(UriInfo uri, int status, String code, String message, String field, List<Role> allowed) {
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(code, message, field)).build();
        }
        String html = page.data("status", status).data("code", code).data("message", message).data("allowedRoles", allowed).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
