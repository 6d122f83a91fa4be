package org.civicgrid.sync;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.org.Role;
import org.civicgrid.web.NavContribution;
import org.civicgrid.web.NavItem;
import org.civicgrid.web.Problem;

/** 上报状况页 — {@code /sync}: the state of upward sync (admins, leaders) and where the hub is (admins set it). */
@Path("/sync")
@Blocking
public class SyncPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(SyncStatus.View status, boolean admin, boolean saved, String error);
    }

    private final SyncStatus status;
    private final SyncApi api;
    private final org.civicgrid.security.CurrentUser user;

    SyncPages(SyncStatus status, SyncApi api, org.civicgrid.security.CurrentUser user) {
        this.status = status;
        this.api = api;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.Names.ADMIN, Role.Names.LEADER})
    public TemplateInstance page() {
        return Templates.status(status.view(), user.has(Role.ADMIN), false, null);
    }

    @POST
    @Path("hub")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.Names.ADMIN)
    public Response setHub(@FormParam("url") String url, @FormParam("token") String token) {
        try {
            api.setHub(new SyncApi.HubSetting(url, token));
            return Response.ok(Templates.status(status.view(), true, true, null)).build();
        } catch (Problem p) {
            return Response.status(p.status()).entity(Templates.status(status.view(), true, false, p.getMessage())).build();
        }
    }

    /** The page sits with the admin pages on an edge box. */
    @ApplicationScoped
    static class Nav implements NavContribution {
        private final ApplianceConfig appliance;

        Nav(ApplianceConfig appliance) {
            this.appliance = appliance;
        }

        @Override
        public List<NavItem> navItems() {
            return appliance.mode() == ApplianceConfig.Mode.HUB ? List.of()
                    : List.of(new NavItem("/sync", "nav_sync", 990, Set.of(Role.ADMIN, Role.LEADER)));
        }
    }
}
