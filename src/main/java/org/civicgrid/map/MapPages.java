package org.civicgrid.map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * 地图页 — {@code /map}: the page shell; the script of the {@code map} bundle draws the boundary, the grids and
 * the open cases from {@code /api/grids/*} and {@code /api/cases/open-*} with the signed-in session.
 */
@Path("/map")
@Authenticated
public class MapPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance map();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance map() {
        return Templates.map();
    }
}
