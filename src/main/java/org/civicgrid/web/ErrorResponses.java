package org.civicgrid.web;

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

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(uri, 404, "not_found", "no such page or resource: /" + uri.getPath().replaceFirst("^/", ""), null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400 || status == 401) {
            return e.getResponse();
        }
        return respond(uri, status, status >= 500 ? "server_error" : "bad_request", e.getMessage(), null);
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
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message, field)).build();
        }
        String html = page.data("status", status).data("code", code).data("message", message).data("allowedRoles", allowed).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
