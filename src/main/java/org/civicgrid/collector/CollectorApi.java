package org.civicgrid.collector;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.cases.Actor;
import org.civicgrid.org.Role;
import org.civicgrid.security.CurrentUser;

/**
 * 城管通接口 — {@code /api/m/*} for the field collector, inspectors only: settings, class picker, idempotent reports
 * (multipart, {@code clientRef}), tasks and their answers, the patrol track.
 */
@Path("/api/m")
@RolesAllowed(Role.Names.INSPECTOR)
@Produces(MediaType.APPLICATION_JSON)
public class CollectorApi {

    private final CollectorReports reports;
    private final CollectorTasks tasks;
    private final CollectorClasses classes;
    private final PatrolTracks tracks;
    private final CollectorConfig config;
    private final CurrentUser user;

    CollectorApi(CollectorReports reports, CollectorTasks tasks, CollectorClasses classes, PatrolTracks tracks, CollectorConfig config,
            CurrentUser user) {
        this.reports = reports;
        this.tasks = tasks;
        this.classes = classes;
        this.tracks = tracks;
        this.config = config;
        this.user = user;
    }

    /** Who is signed in and how often to send the track. */
    @GET
    @Path("me")
    public Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", user.username());
        me.put("name", user.displayName());
        me.put("trackIntervalSeconds", config.trackInterval().toSeconds());
        return me;
    }

    @GET
    @Path("classes")
    public CollectorClasses.Picker classes() {
        return classes.of(user.staffId());
    }

    /** 上报: 201 with the new case, 200 with the same case when this {@code clientRef} was already received. */
    @POST
    @Path("reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response report(@BeanParam FieldUpload upload) {
        return answer(reports.report(upload, Actor.of(user), user.username()));
    }

    @GET
    @Path("tasks")
    public List<CollectorTasks.Task> tasks() {
        return tasks.of(user.staffId());
    }

    @GET
    @Path("tasks/{id}")
    public CollectorTasks.Task task(@PathParam("id") long id) {
        return tasks.one(id, user.staffId());
    }

    /** 核实/核查 answer: {@code action} confirm|confirmNotFound|verify|rework, {@code note}, photos, {@code clientRef}. */
    @POST
    @Path("tasks/{id}/answer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response answer(@PathParam("id") long id, @BeanParam FieldUpload upload) {
        return answer(tasks.answer(id, upload, Actor.of(user), user.username()));
    }

    /** 轨迹: {@code {points: [{lat, lon, accuracy, at}]}} → {@code {stored, skipped}}. */
    @POST
    @Path("track")
    @Consumes(MediaType.APPLICATION_JSON)
    public PatrolTracks.Stored track(PatrolTracks.Batch batch) {
        return tracks.store(user.staffId(), batch);
    }

    private static Response answer(CollectorReports.Filed filed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", filed.file().id);
        body.put("number", filed.file().number);
        body.put("stage", filed.file().stage.name());
        body.put("gridCode", filed.file().gridCode);
        body.put("lat", filed.file().lat);
        body.put("lon", filed.file().lon);
        body.put("positionSource", filed.positionSource());
        body.put("duplicate", !filed.created());
        return Response.status(filed.created() ? 201 : 200).entity(body).build();
    }
}
