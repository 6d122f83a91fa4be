package org.civicgrid.camera;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.civicgrid.camera.CameraViews.CameraView;
import org.civicgrid.camera.CameraViews.DiscoveredView;
import org.civicgrid.camera.onvif.OnvifDevice;
import org.civicgrid.camera.onvif.OnvifException;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 摄像机管理页 — the admin's side of {@code /cameras}: the add/edit form with "test connection", discovery on the
 * network, probe and delete, and placing where a preset looks. The viewing pages are {@link CameraPages}.
 */
@Path("/cameras")
@Authenticated
@Blocking
public class CameraAdminPages {

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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Entry entry);

        static native TemplateInstance tried(Tried tried);

        static native TemplateInstance discovered(List<DiscoveredView> found, String error);
    }

    private final CameraRegistry registry;
    private final CameraDiscovery discovery;
    private final CameraConnections connections;
    private final CameraHealthCheck health;

    CameraAdminPages(CameraRegistry registry, CameraDiscovery discovery, CameraConnections connections, CameraHealthCheck health) {
        this.registry = registry;
        this.discovery = discovery;
        this.connections = connections;
        this.health = health;
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
            health.check(saved.id); // the page after "saved" shows what the camera says to the new settings
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
            return CameraPages.back(id, "done", "probed");
        } catch (Problem problem) {
            return CameraPages.back(id, "failed", problem.getMessage());
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
            return CameraPages.back(id, "done", "saved");
        } catch (Problem problem) {
            return CameraPages.back(id, "failed", problem.getMessage());
        }
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
}
