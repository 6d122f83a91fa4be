package org.civicgrid.screen;

import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicgrid.org.Role;
import org.civicgrid.web.PageContext;

/** 大屏数据接口 — {@code GET /api/screen/summary}: the screen's figures, labels in the viewer's language. */
@Path("/api/screen")
@RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
@Blocking
public class ScreenApi {

    private final ScreenFigures figures;
    private final RoutingContext http;

    ScreenApi(ScreenFigures figures, RoutingContext http) {
        this.figures = figures;
        this.http = http;
    }

    @GET
    @Path("summary")
    @Produces(MediaType.APPLICATION_JSON)
    public ScreenSummary summary() {
        return figures.summary(PageContext.locale(http));
    }
}
