package org.civicgrid.collector;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.civicgrid.org.Role;

/**
 * 城管通页面 — {@code /m/}: the one-page phone app (report, queue, tasks, on duty), its web app manifest and its
 * service worker (scope {@code /m/}, keeps the page and its assets for offline use). Manifest and worker hold no data
 * and are public; the page is for inspectors.
 */
@Path("/m")
public class CollectorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance app(long trackIntervalSeconds, boolean department);
    }

    private final CollectorConfig config;
    private final org.civicgrid.security.CurrentUser user;

    CollectorPages(CollectorConfig config, org.civicgrid.security.CurrentUser user) {
        this.config = config;
        this.user = user;
    }

    @GET
    @Path("/")
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.DEPARTMENT})
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance app() {
        // 处置通: department staff (who are not also inspectors) get the same app in department mode
        boolean department = !user.has(Role.INSPECTOR) && user.has(Role.DEPARTMENT);
        return Templates.app(config.trackInterval().toSeconds(), department);
    }

    @GET
    @Path("sw.js")
    @PermitAll
    public Response serviceWorker() {
        return resource("collector/sw.js", "text/javascript; charset=utf-8").header("Service-Worker-Allowed", "/m/").build();
    }

    @GET
    @Path("manifest.webmanifest")
    @PermitAll
    public Response manifest() {
        return resource("collector/manifest.webmanifest", "application/manifest+json; charset=utf-8").build();
    }

    @GET
    @Path("icon.svg")
    @PermitAll
    public Response icon() {
        return resource("collector/icon.svg", "image/svg+xml").header("Cache-Control", "max-age=86400").build();
    }

    private static Response.ResponseBuilder resource(String name, String type) {
        try (InputStream in = CollectorPages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return Response.status(404);
            }
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "no-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
