package org.civicgrid.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;

/** 上报接口 — {@code GET /api/sync/status} (admins, leaders) and {@code PUT /api/sync/hub} (admins) on the edge. */
@Path("/api/sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncApi {

    private final SyncStatus status;
    private final HubLink link;

    SyncApi(SyncStatus status, HubLink link) {
        this.status = status;
        this.link = link;
    }

    @GET
    @Path("status")
    @RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
    public SyncStatus.View status() {
        return status.view();
    }

    /** The hub this site reports to: {@code {url, token}}; the token is stored sealed and never shown again. */
    @PUT
    @Path("hub")
    @RolesAllowed(Role.Names.ADMIN)
    public SyncStatus.View setHub(HubSetting setting) {
        if (setting == null || setting.url() == null || !setting.url().trim().matches("https?://[^\\s/]+(/\\S*)?")) {
            throw Problem.badRequest("url", "the hub's address, e.g. https://county.example.cn");
        }
        if (setting.token() == null || setting.token().isBlank() || setting.token().length() > 200) {
            throw Problem.badRequest("token", "the token the hub issued for this site");
        }
        link.set(setting.url(), setting.token());
        return status.view();
    }

    /** Body of {@code PUT /api/sync/hub}. */
    public record HubSetting(String url, String token) {
    }
}
