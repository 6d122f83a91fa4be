package org.civicgrid.camera;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.camera.CameraViews.CameraView;
import org.civicgrid.camera.CameraViews.EventView;
import org.civicgrid.camera.CameraViews.HealthSummary;
import org.civicgrid.camera.CameraViews.NearbyCamera;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 视频监控页 — {@code /cameras}: the list and map of cameras with their health; a camera's page with its snapshot,
 * stream URL to copy, presets to go to and recent events; and the "nearby cameras" fragment a case page loads with
 * htmx. The admin's form, test connection, discovery and preset placing are {@link CameraAdminPages}.
 */
@Path("/cameras")
@Authenticated
@Blocking
public class CameraPages {

    /** The nearby-cameras fragment of a case. */
    public record Nearby(long caseId, List<NearbyCamera> cameras, String error, boolean attached, String movedName, boolean canLook) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<CameraView> cameras, HealthSummary health,
                boolean admin);

        static native TemplateInstance detail(CameraView c, List<EventView> events, String message, boolean failed, DateTimeFormatter time, boolean admin,
                boolean operator);

        static native TemplateInstance nearby(Nearby nearby);
    }

    private final CameraLook look;
    private final CameraHealthCheck health;
    private final CurrentUser user;
    private final DateTimeFormatter time;
    private final CameraEventPump pump;

    CameraPages(CameraLook look, CameraHealthCheck health, CurrentUser user, ApplianceConfig appliance, CameraEventPump pump) {
        this.pump = pump;
        this.look = look;
        this.health = health;
        this.user = user;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(appliance.timeZone()));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        List<CameraView> cameras = Camera.<Camera>list("order by name").stream().map(CameraRegistry::view).toList();
        return Templates.list(cameras, health.summary(), user.has(Role.ADMIN));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") long id, @RestQuery String done, @RestQuery String failed) {
        return detailPage(id, failed != null ? failed : done, failed != null);
    }

    private TemplateInstance detailPage(long id, String message, boolean failed) {
        List<EventView> events = CameraEventRow.<CameraEventRow>find("cameraId = ?1 order by receivedAt desc, id desc", id).page(0, 20).list()
                .stream().map(EventView::of).toList();
        return Templates.detail(CameraRegistry.view(CameraRegistry.find(id)).withEvents(pump.link(id)), events, message, failed, time, user.has(Role.ADMIN), operator());
    }

    @POST
    @Path("{id}/presets/{token}/goto")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
    public Response gotoPreset(@PathParam("id") long id, @PathParam("token") String token) {
        try {
            look.gotoPreset(id, token);
            return back(id, "done", "moved");
        } catch (Problem problem) {
            return back(id, "failed", problem.getMessage());
        }
    }

    @GET
    @Path("near-case/{caseId}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
    public TemplateInstance nearCase(@PathParam("caseId") long caseId) {
        return nearby(caseId, null, false, null);
    }

    @POST
    @Path("near-case/{caseId}/snapshot")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
    public TemplateInstance attachSnapshot(@PathParam("caseId") long caseId, @RestForm long cameraId) {
        try {
            look.attachSnapshot(caseId, cameraId, user.username());
            return nearby(caseId, null, true, null);
        } catch (Problem problem) {
            return nearby(caseId, problem.getMessage(), false, null);
        }
    }

    @POST
    @Path("near-case/{caseId}/look")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
    public TemplateInstance lookAtCase(@PathParam("caseId") long caseId) {
        try {
            NearbyCamera moved = look.look(caseId);
            return nearby(caseId, null, false, moved.name());
        } catch (Problem problem) {
            return nearby(caseId, problem.getMessage(), false, null);
        }
    }

    private TemplateInstance nearby(long caseId, String error, boolean attached, String movedName) {
        return Templates.nearby(new Nearby(caseId, look.near(caseId), error, attached, movedName, operator()));
    }

    /** Whoever may move PTZ cameras (the centre's operators). */
    private boolean operator() {
        return Set.of(Role.ACCEPTOR, Role.SHIFT_LEAD, Role.DISPATCHER, Role.LEADER, Role.ADMIN).stream().anyMatch(user::has);
    }

    /** Back to the camera's page with a {@code done} or {@code failed} message. */
    static Response back(long id, String kind, String message) {
        return Response.seeOther(URI.create("/cameras/" + id + "?" + kind + "=" + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8)))
                .build();
    }

    /** The cameras page, for every signed-in user, after the map. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        @Override
        public List<NavItem> navItems() {
            return List.of(new NavItem("/cameras", "nav_cameras", 110, Set.of()));
        }
    }
}
