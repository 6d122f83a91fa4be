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
import org.jboss.resteasy.reactive.RestForm;

/**
 * 处置通接口 — {@code /api/m/handling} for department staff on the phone: their cases, and one step at a time
 * (multipart, {@code clientRef}, {@code action}, {@code note}, {@code extension}, photos) as the offline queue sends it.
 */
@Path("/api/m/handling")
@RolesAllowed(Role.Names.DEPARTMENT)
@Produces(MediaType.APPLICATION_JSON)
public class HandlingApi {

    private final HandlingTasks tasks;
    private final CurrentUser user;

    HandlingApi(HandlingTasks tasks, CurrentUser user) {
        this.tasks = tasks;
        this.user = user;
    }

    @GET
    public List<HandlingTasks.Task> mine() {
        return tasks.mine();
    }

    /** 签收, 处置中 photos ({@code photos}), 处置反馈, 申请回退/延期/挂账, 督办回复: 201, or 200 for a retried clientRef. */
    @POST
    @Path("{id}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response step(@PathParam("id") long id, @BeanParam FieldUpload upload, @RestForm String extension) {
        CollectorReports.Filed filed = tasks.step(id, upload, extension, Actor.of(user));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", filed.file().id);
        body.put("number", filed.file().number);
        body.put("stage", filed.file().stage.name());
        body.put("duplicate", !filed.created());
        return Response.status(filed.created() ? 201 : 200).entity(body).build();
    }
}
