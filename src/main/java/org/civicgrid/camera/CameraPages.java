package org.civicgrid.camera;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
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
import java.util.Optional;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.camera.CameraViews.CameraView;
import org.civicgrid.camera.CameraViews.DiscoveredView;
import org.civicgrid.camera.CameraViews.EventView;
import org.civicgrid.camera.CameraViews.HealthSummary;
import org.civicgrid.camera.CameraViews.NearbyCamera;
import org.civicgrid.camera.onvif.OnvifDevice;
import org.civicgrid.camera.onvif.OnvifException;
import org.civicgrid.map.MapConfig;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 视频监控页 — {@code /cameras}: the list and map of cameras with their health; a camera's page with its snapshot,
 * stream URL to copy, presets to go to and recent events; the add/edit form (admins) with "test connection" and
 * discovery; and the "nearby cameras" fragment a case page loads with htmx.
 */
@Path("/cameras")
@Authenticated
@Blocking
public class CameraPages {

    /** What the admin typed, shown again with the problem when refused. */
    public record Entry(Long id, String name, String onvifAddress, String username, Double lat, Double lon, Double heading, String frigateName,
            String deviceId, boolean eventsEnabled, String error, String errorField) {

        static Entry of(CameraView c) {
            return new Entry(c.id(), c.name(), c.onvifAddress(), null, c.lat(), c.lon(), c.heading(), c.frigateName(), c.deviceId(),
                    c.eventsEnabled(), null, null);
        }
    }

    /** The answer of "test connection". */
    public record Tried(boolean ok, String message, OnvifDevice.Info info, List<OnvifDevice.Profile> profiles) {
    }

    /** The nearby-cameras fragment of a case. */
    public record Nearby(long caseId, List<NearbyCamera> cameras, String error, boolean attached, String movedName, boolean canLook) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<CameraView> cameras, HealthSummary health, Optional<String> tileUrl, Optional<String> tileAttribution,
                boolean admin);

        static native TemplateInstance detail(CameraView c, List<EventView> events, String message, boolean failed, DateTimeFormatter time, boolean admin,
                boolean operator);

        static native TemplateInstance form(Entry entry);

        static native TemplateInstance tried(Tried tried);

        static native TemplateInstance discovered(List<DiscoveredView> found, String error);

        static native TemplateInstance nearby(Nearby nearby);
    }

    private final CameraRegistry registry;
    private final CameraLook look;
    private final CameraDiscovery discovery;
    private final CameraHealthCheck health;
    private final CameraConnections connections;
    private final MapConfig map;
    private final CurrentUser user;
    private final DateTimeFormatter time;

    CameraPages(CameraRegistry registry, CameraLook look, CameraDiscovery discovery, CameraHealthCheck health, CameraConnections connections,
            MapConfig map, CurrentUser user, ApplianceConfig appliance) {
        this.registry = registry;
        this.look = look;
        this.discovery = discovery;
        this.health = health;
        this.connections = connections;
        this.map = map;
        this.user = user;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(appliance.timeZone()));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        List<CameraView> cameras = Camera.<Camera>list("order by name").stream().map(CameraRegistry::view).toList();
        return Templates.list(cameras, health.summary(), map.tileUrl(), map.tileAttribution(), user.has(Role.ADMIN));
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
        return Templates.detail(CameraRegistry.view(CameraRegistry.find(id)), events, message, failed, time, user.has(Role.ADMIN), operator());
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public TemplateInstance newForm(@RestQuery String address) {
        return Templates.form(new Entry(null, "", address, "", null, null, null, null, null, true, null, null));
    }

    @GET
    @Path("{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public TemplateInstance editForm(@PathParam("id") long id) {
        return Templates.form(Entry.of(CameraRegistry.view(CameraRegistry.find(id))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(@RestForm String name, @RestForm String onvifAddress, @RestForm String username, @RestForm String password,
            @RestForm String lat, @RestForm String lon, @RestForm String heading, @RestForm String frigateName, @RestForm String deviceId,
            @RestForm String eventsEnabled) {
        return save(null, name, onvifAddress, username, password, lat, lon, heading, frigateName, deviceId, eventsEnabled);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public Response update(@PathParam("id") long id, @RestForm String name, @RestForm String onvifAddress, @RestForm String username,
            @RestForm String password, @RestForm String lat, @RestForm String lon, @RestForm String heading, @RestForm String frigateName,
            @RestForm String deviceId, @RestForm String eventsEnabled) {
        return save(id, name, onvifAddress, username, password, lat, lon, heading, frigateName, deviceId, eventsEnabled);
    }

    private Response save(Long id, String name, String onvifAddress, String username, String password, String lat, String lon, String heading,
            String frigateName, String deviceId, String eventsEnabled) {
        Entry typed = new Entry(id, name, onvifAddress, username, number(lat), number(lon), number(heading), frigateName, deviceId,
                eventsEnabled != null, null, null);
        try {
            CameraForm form = new CameraForm(name, onvifAddress, username == null || username.isBlank() && id != null ? null : username, password,
                    decimal("lat", lat), decimal("lon", lon), decimal("heading", heading), frigateName, deviceId, eventsEnabled != null, null);
            Camera saved = id == null ? registry.create(form) : registry.update(id, form);
            return Response.seeOther(URI.create("/cameras/" + saved.id + "?done=saved")).build();
        } catch (Problem problem) {
            Entry shown = new Entry(typed.id(), typed.name(), typed.onvifAddress(), typed.username(), typed.lat(), typed.lon(), typed.heading(),
                    typed.frigateName(), typed.deviceId(), typed.eventsEnabled(), problem.getMessage(), problem.field());
            return Response.status(problem.status()).entity(Templates.form(shown)).build();
        }
    }

    /** 测试连接 — tries the address and credentials typed, without saving (htmx fragment). */
    @POST
    @Path("test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public TemplateInstance test(@RestForm Long id, @RestForm String onvifAddress, @RestForm String username, @RestForm String password) {
        try {
            OnvifDevice device;
            if (id != null && (password == null || password.isEmpty())) {
                Camera stored = CameraRegistry.find(id);
                device = connections.device(onvifAddress, username == null || username.isBlank() ? connections.open(stored.usernameSealed) : username,
                        connections.open(stored.passwordSealed));
            } else {
                device = connections.device(onvifAddress, username, password);
            }
            CameraProbe.Result r = CameraProbe.run(device, null);
            return Templates.tried(new Tried(true, null, r.info(), r.profiles()));
        } catch (OnvifException e) {
            return Templates.tried(new Tried(false, e.getMessage(), null, List.of()));
        } catch (IllegalArgumentException e) {
            return Templates.tried(new Tried(false, e.getMessage(), null, List.of()));
        }
    }

    @POST
    @Path("discover")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public TemplateInstance discover(@RestForm String address) {
        try {
            return Templates.discovered(discovery.discover(address), null);
        } catch (Problem problem) {
            return Templates.discovered(List.of(), problem.getMessage());
        }
    }

    @POST
    @Path("{id}/probe")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public Response probe(@PathParam("id") long id) {
        try {
            registry.probe(id);
            return back(id, "done", "probed");
        } catch (Problem problem) {
            return back(id, "failed", problem.getMessage());
        }
    }

    @POST
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public Response delete(@PathParam("id") long id) {
        registry.delete(id);
        return Response.seeOther(URI.create("/cameras")).build();
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

    /** 预置位定位 — the admin sets where the camera looks from a preset (and its name). */
    @POST
    @Path("{id}/presets/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public Response placePreset(@PathParam("id") long id, @PathParam("token") String token, @RestForm String name, @RestForm String lat,
            @RestForm String lon) {
        try {
            registry.placePreset(id, token, name, decimal("lat", lat), decimal("lon", lon));
            return back(id, "done", "saved");
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

    private static Response back(long id, String kind, String message) {
        return Response.seeOther(URI.create("/cameras/" + id + "?" + kind + "=" + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8)))
                .build();
    }

    private static Double number(String text) {
        try {
            return text == null || text.isBlank() ? null : Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest(field, "give a decimal number, not " + text);
        }
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
