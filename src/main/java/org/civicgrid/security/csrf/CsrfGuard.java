package org.civicgrid.security.csrf;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * 跨站请求防护 — every state-changing page request (any method but GET/HEAD/OPTIONS outside {@code /api/} and
 * {@code /open311/}) must carry the browser's {@link CsrfTokens} token, in the {@value CsrfTokens#FIELD} form field
 * or the {@value CsrfTokens#HEADER} header; otherwise it is refused with 403 before the page method runs. The API is
 * covered differently: Basic only there, JSON or CSV bodies, and {@link SameOriginCheck} for every write.
 */
public class CsrfGuard {

    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext http) {
        if (!needsToken(request.getMethod(), http.normalizedPath())) {
            return;
        }
        Cookie cookie = http.request().getCookie(CsrfTokens.COOKIE);
        String token = request.getHeaderString(CsrfTokens.HEADER);
        if (token == null && isForm(request.getMediaType())) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(CsrfTokens.FIELD, true, false);
            token = field == null ? null : field.toString();
        }
        if (!CsrfTokens.matches(cookie == null ? null : cookie.getValue(), token)) {
            throw new Problem(403, "csrf_token", null,
                    "this form has expired or was sent from another site: reload the page and try again");
        }
    }

    static boolean needsToken(String method, String path) {
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        return !safe && !path.startsWith("/api/") && !path.startsWith("/open311/") && !path.startsWith("/q/");
    }

    private static boolean isForm(MediaType type) {
        return type != null && (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type) && !type.isWildcardType()
                || "multipart".equals(type.getType()) && "form-data".equals(type.getSubtype()));
    }
}
