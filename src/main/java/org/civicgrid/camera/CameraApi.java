package org.civicgrid.camera;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.civicgrid.camera.CameraViews.CameraView;
import org.civicgrid.camera.CameraViews.DiscoveredView;
import org.civicgrid.camera.CameraViews.EventView;
import org.civicgrid.camera.CameraViews.HealthSummary;
import org.civicgrid.camera.CameraViews.NearbyCamera;
import org.civicgrid.camera.CameraViews.PresetView;
import org.civicgrid.cases.CaseAttachment;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;
import org.civicgrid.web.Problem;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * 摄像机接口 — {@code /api/cameras}: staff read the registry, snapshots and events; admins add, change, remove,
 * discover and probe cameras and place presets; the centre's operators move PTZ cameras and attach snapshots to cases.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CameraApi {

    /** A preset's place, as an admin sends it. */
    public record PresetPlace(String name, Double lat, Double lon) {
    }

    private final CameraRegistry registry;
    private final CameraLook look;
    private final CameraDiscovery discovery;
    private final CameraHealthCheck health;
    private final CurrentUser user;
    private final CameraEventPump pump;

    CameraApi(CameraRegistry registry, CameraLook look, CameraDiscovery discovery, CameraHealthCheck health, CurrentUser user, CameraEventPump pump) {
        this.pump = pump;
        this.registry = registry;
        this.look = look;
        this.discovery = discovery;
        this.health = health;
        this.user = user;
    }

    @GET
    @Path("cameras")
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.DEPARTMENT,
        Role.Names.LEADER, Role.Names.ADMIN})
    public List<CameraView> list() {
        return Camera.<Camera>list("order by name").stream().map(CameraRegistry::view).toList();
    }

    @GET
    @Path("cameras/health")
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.DEPARTMENT,
        Role.Names.LEADER, Role.Names.ADMIN})
    public HealthSummary healthSummary() {
        return health.summary();
    }

    @GET
    @Path("cameras/{id}")
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.DEPARTMENT,
        Role.Names.LEADER, Role.Names.ADMIN})
    public CameraView get(@PathParam("id") long id) {
        return CameraRegistry.view(CameraRegistry.find(id)).withEvents(pump.link(id));
    }

    @POST
    @Path("cameras")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    public Response create(CameraForm form) {
        Camera c = registry.create(required(form));
        health.check(c.id);
        return Response.status(201).entity(get(c.id)).build();
    }

    @PUT
    @Path("cameras/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    public CameraView update(@PathParam("id") long id, CameraForm form) {
        registry.update(id, required(form));
        health.check(id);
        return get(id);
    }

    @DELETE
    @Path("cameras/{id}")
    @RolesAllowed(Role.Names.ADMIN)
    public Response delete(@PathParam("id") long id) {
        registry.delete(id);
        return Response.noContent().build();
    }

    /** WS-Discovery on the LAN, or of one host with {@code ?address=}. */
    @POST
    @Path("cameras/discover")
    @RolesAllowed(Role.Names.ADMIN)
    public List<DiscoveredView> discover(@RestQuery String address) {
        return discovery.discover(address);
    }

    /** Asks the camera for its facts, profile, stream and snapshot URIs and presets, and stores them. */
    @POST
    @Path("cameras/{id}/probe")
    @RolesAllowed(Role.Names.ADMIN)
    public CameraView probe(@PathParam("id") long id) {
        return registry.probe(id);
    }

    @GET
    @Path("cameras/{id}/snapshot")
    @Produces({"image/jpeg", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.DEPARTMENT,
        Role.Names.LEADER, Role.Names.ADMIN})
    public Response snapshot(@PathParam("id") long id) {
        return Response.ok(look.snapshot(id), "image/jpeg").header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("cameras/{id}/presets")
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.DEPARTMENT,
        Role.Names.LEADER, Role.Names.ADMIN})
    public List<PresetView> presets(@PathParam("id") long id) {
        CameraRegistry.find(id);
        return CameraRegistry.presets(id);
    }

    /** Sets a preset's name and the ground point the camera sees from it. */
    @PUT
    @Path("cameras/{id}/presets/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    public PresetView placePreset(@PathParam("id") long id, @PathParam("token") String token, PresetPlace place) {
        PresetPlace p = place == null ? new PresetPlace(null, null, null) : place;
        return registry.placePreset(id, token, p.name(), p.lat(), p.lon());
    }

    /** GotoPreset. */
    @POST
    @Path("cameras/{id}/ptz/presets/{token}")
    @RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
    public Map<String, Object> gotoPreset(@PathParam("id") long id, @PathParam("token") String token) {
        look.gotoPreset(id, token);
        return Map.of("cameraId", id, "presetToken", token);
    }

    @GET
    @Path("cameras/{id}/events")
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.DEPARTMENT,
        Role.Names.LEADER, Role.Names.ADMIN})
    public List<EventView> events(@PathParam("id") long id, @RestQuery Integer limit) {
        CameraRegistry.find(id);
        int n = limit == null ? 50 : Math.max(1, Math.min(limit, 200));
        return CameraEventRow.<CameraEventRow>find("cameraId = ?1 order by receivedAt desc, id desc", id).page(0, n).list().stream()
                .map(EventView::of).toList();
    }

    /** Cameras within reach of a case, nearest first. */
    @GET
    @Path("cases/{id}/cameras")
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
    public List<NearbyCamera> nearCase(@PathParam("id") long id) {
        return look.near(id);
    }

    /** 看这里 — turns the nearest PTZ camera to the preset closest to the case. */
    @POST
    @Path("cases/{id}/look")
    @RolesAllowed({Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
    public NearbyCamera lookAtCase(@PathParam("id") long id) {
        return look.look(id);
    }

    /** 抓拍取证 — a snapshot of the camera stored as a photo of the case. */
    @POST
    @Path("cases/{id}/camera-snapshot")
    @RolesAllowed({Role.Names.INSPECTOR, Role.Names.ACCEPTOR, Role.Names.SHIFT_LEAD, Role.Names.DISPATCHER, Role.Names.LEADER, Role.Names.ADMIN})
    public Response attachSnapshot(@PathParam("id") long id, @RestQuery Long cameraId) {
        if (cameraId == null) {
            throw Problem.badRequest("cameraId", "say which camera takes the snapshot (?cameraId=)");
        }
        CaseAttachment a = look.attachSnapshot(id, cameraId, user.username());
        return Response.status(201).entity(Map.of("id", a.id, "caseId", a.caseId, "contentType", a.contentType, "sizeBytes", a.sizeBytes,
                "sha256", a.sha256, "url", "/api/cases/" + a.caseId + "/attachments/" + a.id)).build();
    }

    private static CameraForm required(CameraForm form) {
        if (form == null) {
            throw Problem.badRequest(null, "send the camera as JSON");
        }
        return form;
    }
}
